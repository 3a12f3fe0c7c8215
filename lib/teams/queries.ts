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

/** One team's page: its details, people, and what it owns with where each thing stands; null when the programme has no such team. */
export async function getTeamPage(programmeId: string, teamId: string) {
  const team = await db.team.findFirst({
    where: { id: teamId, programmeId },
    select: {
      id: true,
      name: true,
      contactChannel: true,
      members: { select: { isLead: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      services: { select: { id: true, name: true, kind: true, slice: { select: { id: true, name: true } } }, orderBy: { name: "asc" } },
      slices: { select: { id: true, name: true, status: true, wave: { select: { number: true, name: true } } }, orderBy: { name: "asc" } },
    },
  });
  if (!team) return null;
  return { ...team, leads: team.members.filter((m) => m.isLead).map((m) => m.user), others: team.members.filter((m) => !m.isLead).map((m) => m.user) };
}
export type TeamPage = NonNullable<Awaited<ReturnType<typeof getTeamPage>>>;

/** The programme's members, for choosing a team's leads and members (service accounts are no one's colleagues). */
export async function listPeopleForTeams(programmeId: string) {
  const rows = await db.membership.findMany({
    where: { programmeId, user: { isServiceAccount: false } },
    orderBy: { user: { name: "asc" } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => ({ ...r.user, role: r.role }));
}
