/**
 * Small builders for the planner's tests: services named by id, dependencies written as
 * "a->b" (a depends on b), and lookups from a plan back to a service's wave or slice.
 */
import type { Plan, PlanDependency, PlannedSlice, PlanService, ServiceKind } from "./types";

/** A service whose id is its name. */
export function svc(name: string, kind: ServiceKind = "api", team: string | null = "core", extra: Partial<PlanService> = {}): PlanService {
  return { id: name, name, kind, shared: false, team, ...extra };
}

/** "a->b, b->c": a depends on b, b depends on c. */
export function deps(spec: string): PlanDependency[] {
  return spec
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [from, to] = pair.split("->").map((part) => part.trim());
      return { from, to };
    });
}

/** The planned slice holding a service (throws if none, so a missing service fails the test). */
export function sliceOf(plan: Plan, service: string): PlannedSlice & { wave: number } {
  for (const wave of plan.waves) {
    const slice = wave.slices.find((candidate) => candidate.services.includes(service));
    if (slice) return { ...slice, wave: wave.number };
  }
  throw new Error(`service ${service} is in no slice of the plan`);
}

/** The wave a service moves in. */
export const waveOf = (plan: Plan, service: string): number => sliceOf(plan, service).wave;

/** service -> wave for every service in the plan. */
export function wavesByService(plan: Plan): Record<string, number> {
  const waves: Record<string, number> = {};
  for (const wave of plan.waves) for (const slice of wave.slices) for (const service of slice.services) waves[service] = wave.number;
  return waves;
}
