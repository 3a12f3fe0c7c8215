/** Reads for the teams page: people, contact channel and what each team owns. */
import "server-only";
import { db } from "@/lib/db";

/** Every team of the programme with its leads, members, services and slices. */
export async function listTeams(programmeId: string) {
  const teams = await db.team.findMany({
    where: { programmeId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      contactChannel: true,
      members: { select: { isLead: true, user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      services: { select: { id: true, name: true }, orderBy: { name: "asc" }, take: 12 },
      slices: { select: { id: true, name: true, status: true }, orderBy: { name: "asc" } },
      _count: { select: { services: true } },
    },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    contactChannel: t.contactChannel,
    leads: t.members.filter((m) => m.isLead).map((m) => m.user),
    members: t.members.filter((m) => !m.isLead).map((m) => m.user),
    services: t.services,
    serviceCount: t._count.services,
    slices: t.slices,
  }));
}
export type TeamSummary = Awaited<ReturnType<typeof listTeams>>[number];
