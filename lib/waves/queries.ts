import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { planWithDetails, type Plan } from "@/lib/planning";
import { loadPlanningData, toPlanInput, type PlanningData } from "./planning-data";
import { planChanges, storedPlan, type PlanChanges } from "./stored-plan";

/** A plan preview for the API: computed from the stored data, nothing written. */
export async function previewPlan(actor: Actor, programmeSlug: string, options: { capacityPerTeam?: number }): Promise<Plan> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const data = await loadPlanningData(db, programme.id);
  return planWithDetails(toPlanInput(data, options)).plan;
}

/** The stored waves in the plan's shape (`GET /programmes/{slug}/waves`). */
export async function getStoredWaves(actor: Actor, programmeSlug: string): Promise<Plan> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const data = await loadPlanningData(db, programme.id);
  return storedPlan(data, planWithDetails(toPlanInput(data)));
}

export type PlanPreview = { proposed: Plan; current: Plan; changes: PlanChanges; data: PlanningData };

/** The plan preview page: the proposal, the stored waves beside it and what would move. */
export async function getPlanPreview(programmeId: string, options: { capacityPerTeam?: number }): Promise<PlanPreview> {
  const data = await loadPlanningData(db, programmeId);
  const details = planWithDetails(toPlanInput(data, options));
  const current = storedPlan(data, options.capacityPerTeam ? planWithDetails(toPlanInput(data)) : details);
  return { proposed: details.plan, current, changes: planChanges(data, details), data };
}
