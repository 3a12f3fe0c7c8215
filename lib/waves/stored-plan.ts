/**
 * Pure views over stored waves: the stored placement in the plan's API shape (with a reason
 * per slice and what the placement breaks), and what applying a plan would change. No
 * Prisma, no Next: the data layer hands in plain rows.
 */
import { placementViolations, type Plan, type PlanDetails, type PlannedWave, type PlanViolation } from "@/lib/planning";
import { compareText } from "@/lib/planning/ordering";
import { facilityViolations } from "@/lib/planning/violations";
import { toPlanInput, type PlanningData } from "./programme-plan";

/** Service names by id, for turning id lists into the API's name lists. */
export const serviceNames = (data: Pick<PlanningData, "services">): Map<string, string> => new Map(data.services.map((s) => [s.id, s.name]));

/** Why a stored slice is where it is: the plan's reason when they agree, else the pin or the hand move. */
function storedReason(slice: PlanningData["slices"][number], plannedWave: number | undefined, planReason: string | undefined): string {
  if (slice.pinnedWave !== null && slice.pinnedWave === slice.wave) {
    return `pinned to wave ${slice.pinnedWave} by a manager${slice.pinReason ? ` (${slice.pinReason})` : ""}`;
  }
  if (plannedWave === slice.wave && planReason) return planReason;
  return plannedWave === undefined ? "placed by hand" : `placed by hand; the plan puts it in wave ${plannedWave}`;
}

/**
 * The stored waves in the plan's shape. Cycles and the critical path are properties of the
 * graph (from a fresh plan); violations are those of the stored placement itself.
 */
export function storedPlan(data: PlanningData, details: PlanDetails): Plan {
  const names = serviceNames(data);
  const planned = new Map(details.placements.map((p) => [p.sliceId, p.wave]));
  const reasons = new Map(details.plan.waves.flatMap((w) => w.slices.map((s) => [s.id, s.reason] as const)));
  const waves: PlannedWave[] = data.waves.map((w) => ({ number: w.number, slices: [] }));
  const index = new Map(waves.map((w, i) => [w.number, i]));
  const bySliceName = [...data.slices].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  for (const slice of bySliceName) {
    const i = slice.wave === null ? undefined : index.get(slice.wave);
    if (i === undefined) continue;
    waves[i].slices.push({
      id: slice.id,
      name: slice.name,
      team: slice.team,
      services: slice.serviceIds.map((id) => names.get(id) ?? id).sort(compareText),
      reason: storedReason(slice, planned.get(slice.id), reasons.get(slice.id)),
    });
  }
  const input = toPlanInput(data);
  // facilityViolations indexes waves by number - 1: lay the stored waves out that way.
  const dense: PlannedWave[] = Array.from({ length: Math.max(0, ...waves.map((w) => w.number)) }, (_, i) => waves[index.get(i + 1) ?? -1] ?? { number: i + 1, slices: [] });
  const violations: PlanViolation[] = [
    ...details.plan.violations.filter((v) => v.kind === "membership"),
    ...placementViolations({ services: data.services, dependencies: data.dependencies, slices: data.slices }),
    ...facilityViolations(input.waveRequirements ?? [], input.facilities ?? [], dense),
  ];
  return { waves, cycles: details.plan.cycles, violations, criticalPath: details.plan.criticalPath };
}

export type SliceChange = {
  sliceId: string;
  name: string;
  team: string | null;
  services: string[];
  serviceIds: string[];
  from: number | null;
  to: number;
  isNew: boolean;
};

export type PlanChanges = { moved: SliceChange[]; created: SliceChange[]; unchanged: number; wavesToCreate: number[] };

/** What applying the plan changes: slices that move, slices it creates, waves it adds. */
export function planChanges(data: PlanningData, details: PlanDetails): PlanChanges {
  const names = serviceNames(data);
  const current = new Map(data.slices.map((s) => [s.id, s.wave]));
  const moved: SliceChange[] = [];
  const created: SliceChange[] = [];
  let unchanged = 0;
  for (const p of details.placements) {
    const change: SliceChange = {
      sliceId: p.sliceId,
      name: p.name,
      team: p.team,
      services: p.serviceIds.map((id) => names.get(id) ?? id),
      serviceIds: p.serviceIds,
      from: current.get(p.sliceId) ?? null,
      to: p.wave,
      isNew: p.isProposed,
    };
    if (p.isProposed) created.push(change);
    else if (change.from !== p.wave) moved.push(change);
    else unchanged++;
  }
  const existing = new Set(data.waves.map((w) => w.number));
  const wavesToCreate = details.plan.waves.map((w) => w.number).filter((n) => !existing.has(n));
  const byTarget = (a: SliceChange, b: SliceChange) => a.to - b.to || compareText(a.name, b.name);
  return { moved: moved.sort(byTarget), created: created.sort(byTarget), unchanged, wavesToCreate };
}
