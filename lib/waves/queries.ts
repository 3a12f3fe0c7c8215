import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { ItemState } from "@/lib/generated/prisma/enums";
import type { Plan } from "@/lib/planning";
import { buildBoard, type Board, type BoardFilters } from "./board";
import { loadPlanningData, planProgramme, type PlanningData } from "./planning-data";
import { planChanges, storedPlan, type PlanChanges } from "./stored-plan";

/** A plan preview for the API: computed from the stored data, nothing written. */
export async function previewPlan(actor: Actor, programmeSlug: string, options: { capacityPerTeam?: number }): Promise<Plan> {
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

/** The wave board for one programme: one load of the planning data plus checklist counts. */
export async function getWaveBoard(programmeId: string, filters: BoardFilters): Promise<Board> {
  const [data, counts] = await Promise.all([
    loadPlanningData(db, programmeId),
    db.checklistItem.groupBy({ by: ["sliceId", "state"], where: { programmeId }, _count: { _all: true } }),
  ]);
  const bySlice = new Map<string, Partial<Record<ItemState, number>>>();
  for (const row of counts) bySlice.set(row.sliceId, { ...bySlice.get(row.sliceId), [row.state]: row._count._all });
  return buildBoard(data, bySlice, filters);
}

/** One wave's editable fields, or null. */
export async function getWave(programmeId: string, number: number) {
  return db.wave.findUnique({ where: { programmeId_number: { programmeId, number } }, select: { number: true, name: true, goal: true, plannedStart: true, plannedEnd: true } });
}
