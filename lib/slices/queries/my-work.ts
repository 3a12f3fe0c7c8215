import "server-only";
import { db } from "@/lib/db";
import { buildMyWork, type MyWork } from "../my-work";
import { stageFromDb } from "../stages";
import { gateItemOf } from "../views";
import { getBlocking } from "./blocking";
import { itemOrder } from "./slice";

export type MyWorkPage = MyWork & { teams: { id: string; name: string; isLead: boolean }[]; contactOf: Record<string, string | null> };

/**
 * My work for a user in a programme: the teams they belong to, and across those teams' slices
 * that are not done, each slice's next gate and open items and who it waits on
 * (buildMyWork over getBlocking: the same rule as the slices list and the board).
 */
export async function getMyWork(userId: string | null, programmeId: string): Promise<MyWorkPage> {
  const memberships = userId ? await db.teamMember.findMany({ where: { userId, team: { programmeId } }, select: { isLead: true, team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } }) : [];
  const teams = memberships.map((m) => ({ ...m.team, isLead: m.isLead }));
  if (teams.length === 0) return { ...buildMyWork([], [], []), teams, contactOf: {} };
  const [slices, blocking, channels] = await Promise.all([
    db.slice.findMany({
      where: { programmeId, teamId: { in: teams.map((t) => t.id) }, status: { not: "done" } },
      select: {
        id: true,
        name: true,
        status: true,
        stage: true,
        team: { select: { id: true, name: true } },
        wave: { select: { number: true, name: true } },
        checklistItems: { select: { id: true, title: true, category: true, gateStage: true, state: true, followUp: true }, orderBy: itemOrder },
      },
    }),
    getBlocking(programmeId),
    // How to reach the teams a slice waits on.
    db.team.findMany({ where: { programmeId }, select: { name: true, contactChannel: true } }),
  ]);
  const work = buildMyWork(
    slices.map(({ checklistItems, stage, ...s }) => ({ ...s, stage: stageFromDb(stage), items: checklistItems.map(gateItemOf) })),
    blocking.blocked,
    teams.map((t) => t.name),
  );
  return { ...work, teams, contactOf: Object.fromEntries(channels.map((c) => [c.name, c.contactChannel])) };
}
