import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { blockedSlices, buildServiceGraph, sliceBounds, type Plan, type TeamWaits } from "@/lib/planning";
import { buildBoard, progressFromCounts, slicesAgainstOrder, type AgainstOrder, type Board, type BoardFilters } from "./board";
import { loadPlanningData } from "./planning-data";
import { planProgramme, type PlanningData } from "./programme-plan";
import { planChanges, storedPlan, type PlanChanges } from "./stored-plan";

/** A plan preview for the API: computed from the stored data, nothing written. */
export async function getProposedPlan(actor: Actor, programmeSlug: string, options: { capacityPerTeam?: number }): Promise<Plan> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const data = await loadPlanningData(db, programme.id);
  return planProgramme(data, options).plan;
}

/** The stored waves in the plan's shape (`GET /programmes/{slug}/waves`). */
export async function getStoredWaves(actor: Actor, programmeSlug: string): Promise<Plan> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const data = await loadPlanningData(db, programme.id);
  return storedPlan(data, planProgramme(data));
}

export type PlanPreview = { proposed: Plan; current: Plan; changes: PlanChanges; data: PlanningData };

/** The plan preview page: the proposal, the stored waves beside it and what would move. */
export async function getPlanPreview(programmeId: string, options: { capacityPerTeam?: number }): Promise<PlanPreview> {
  const data = await loadPlanningData(db, programmeId);
  const details = planProgramme(data, options);
  const current = storedPlan(data, options.capacityPerTeam ? planProgramme(data) : details);
  return { proposed: details.plan, current, changes: planChanges(data, details), data };
}

/**
 * The wave board for one programme: the planning data, then checklist counts for the cards
 * actually shown (a 2,000-slice programme holds 60,000 items; the board shows a few hundred).
 */
export async function getWaveBoard(programmeId: string, filters: BoardFilters, opts: { allCards?: boolean } = {}): Promise<Board> {
  const data = await loadPlanningData(db, programmeId);
  const board = buildBoard(data, new Map(), filters, opts.allCards ? null : undefined);
  const cards = [...board.unplanned, ...board.columns.flatMap((c) => c.cards)];
  if (cards.length === 0) return board;
  const counts = await db.$queryRaw<{ sliceId: string; done: number; na: number; open: number }[]>`
    SELECT "sliceId", count(*) FILTER (WHERE state = 'done')::int AS done, count(*) FILTER (WHERE state = 'na')::int AS na, count(*) FILTER (WHERE state = 'open')::int AS open
    FROM "ChecklistItem" WHERE "sliceId" = ANY(${cards.map((c) => c.id)}::text[]) GROUP BY "sliceId"`;
  const bySlice = new Map(counts.map(({ sliceId, ...c }) => [sliceId, c]));
  for (const card of cards) card.progress = progressFromCounts(bySlice.get(card.id));
  return board;
}

/** One wave's editable fields, or null. */
export async function getWave(programmeId: string, number: number) {
  return db.wave.findUnique({ where: { programmeId_number: { programmeId, number } }, select: { number: true, name: true, goal: true, plannedStart: true, plannedEnd: true } });
}

/** Who waits on whom, for the full view. */
export async function getWaits(programmeId: string): Promise<{ waits: TeamWaits[]; blockedCount: number; againstOrder: AgainstOrder[] }> {
  const data = await loadPlanningData(db, programmeId);
  const graph = buildServiceGraph(data.services, data.dependencies);
  const blocking = blockedSlices(data, graph);
  return { waits: blocking.byTeam, blockedCount: blocking.blocked.length, againstOrder: slicesAgainstOrder(data, sliceBounds(data, graph)) };
}

/** The programme's wave cadence as a form shows it, and how many waves have no dates yet. */
export async function getWaveCadence(programmeId: string): Promise<{ waveLengthWeeks: number | null; wavesStartOn: string | null; undated: number }> {
  const [programme, undated] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { waveLengthWeeks: true, wavesStartOn: true } }),
    db.wave.count({ where: { programmeId, plannedStart: null, plannedEnd: null } }),
  ]);
  return { waveLengthWeeks: programme.waveLengthWeeks, wavesStartOn: programme.wavesStartOn?.toISOString().slice(0, 10) ?? null, undated };
}
