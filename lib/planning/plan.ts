/**
 * planWaves: services, dependencies and slices in; waves of slices, cycles, violations, the
 * critical path and a reason per slice out. The steps: index services and derive the
 * ordering (infrastructure after its users), find cycles, give every service a slice,
 * condense onto slices, schedule, then explain. See docs/adr/0010-wave-planner.md.
 */
import { criticalPathNames } from "./critical-path";
import { buildServiceGraph, cycleNames, type ServiceGraph } from "./ordering";
import { assignSlices, type SliceAssignment } from "./propose-slices";
import { sliceReasons } from "./reasons";
import { schedule, type Schedule } from "./schedule";
import { buildUnitGraph, type UnitGraph } from "./slice-graph";
import type { Plan, PlanDetails, PlanInput, PlanViolation, PlannedWave, SlicePlacement, ViolationKind } from "./types";
import { capacityViolations, facilityViolations, orderViolations } from "./violations";

/** 0 means no limit; anything else must be a positive integer. */
function capacityOf(input: PlanInput): number {
  const capacity = input.options?.capacityPerTeam;
  if (capacity === undefined) return 0;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacityPerTeam must be a positive integer, got ${capacity}`);
  return capacity;
}

/** Team index per slice (slices without a team get -1) and the team names by index. */
function internTeams(assignment: SliceAssignment): { sliceTeam: Int32Array; teamNames: string[] } {
  const indexOf = new Map<string, number>();
  const teamNames: string[] = [];
  const sliceTeam = new Int32Array(assignment.slices.length).fill(-1);
  assignment.slices.forEach((slice, s) => {
    if (slice.team === null) return;
    let team = indexOf.get(slice.team);
    if (team === undefined) {
      team = teamNames.length;
      indexOf.set(slice.team, team);
      teamNames.push(slice.team);
    }
    sliceTeam[s] = team;
  });
  return { sliceTeam, teamNames };
}

/** Waves 1..max; a gap left by a pin far ahead stays as an empty wave so numbers match pins. */
function assembleWaves(graph: ServiceGraph, assignment: SliceAssignment, sliceWave: Int32Array, reasons: string[]): PlannedWave[] {
  let last = 0;
  for (let s = 0; s < sliceWave.length; s++) last = Math.max(last, sliceWave[s]);
  const waves: PlannedWave[] = Array.from({ length: last }, (_, i) => ({ number: i + 1, slices: [] }));
  // Slices are in (name, id) order, so each wave's list comes out sorted.
  assignment.slices.forEach((slice, s) => {
    waves[sliceWave[s] - 1].slices.push({ id: slice.id, name: slice.name, team: slice.team, services: slice.members.map((v) => graph.names[v]), reason: reasons[s] });
  });
  return waves;
}

const KIND_ORDER: Record<ViolationKind, number> = { membership: 0, order: 1, pin: 2, capacity: 3, facility: 4 };

const byKindThenMessage = (a: PlanViolation, b: PlanViolation): number =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);

/** The plan's tight levels: the same schedule without pins or capacity. */
function tightSchedule(units: UnitGraph, sliceTeam: Int32Array, actual: Schedule, isTight: boolean): Schedule {
  if (isTight) return actual;
  return schedule({ units, sliceTeam, slicePin: new Int32Array(sliceTeam.length), capacity: 0 });
}

type Computed = { plan: Plan; graph: ServiceGraph; assignment: SliceAssignment; sliceWave: Int32Array };

function computePlan(input: PlanInput): Computed {
  const capacity = capacityOf(input);
  const graph = buildServiceGraph(input.services, input.dependencies);
  const assignment = assignSlices(graph, input.slices ?? []);
  const units = buildUnitGraph(graph, assignment);
  const { sliceTeam, teamNames } = internTeams(assignment);
  const slicePin = new Int32Array(assignment.slices.length);
  assignment.slices.forEach((slice, s) => (slicePin[s] = slice.pinnedWave));
  const result = schedule({ units, sliceTeam, slicePin, capacity });
  const tight = tightSchedule(units, sliceTeam, result, capacity === 0 && slicePin.every((pin) => pin === 0));
  const order = orderViolations(graph, assignment, units, result.sliceWave);
  const reasons = sliceReasons({ graph, assignment, units, result, teamNames, capacity, pinBreaks: order.pinBreaks });
  const waves = assembleWaves(graph, assignment, result.sliceWave, reasons);
  const violations = [
    ...assignment.violations,
    ...order.violations,
    ...capacityViolations(graph, assignment, units, result, teamNames, sliceTeam, capacity),
    ...facilityViolations(input.waveRequirements ?? [], input.facilities ?? [], waves),
  ].sort(byKindThenMessage);
  const plan: Plan = {
    waves,
    cycles: cycleNames(graph),
    violations,
    criticalPath: criticalPathNames(graph, assignment, units, tight.unitWave, tight.barrier),
  };
  return { plan, graph, assignment, sliceWave: result.sliceWave };
}

/** The plan and what applying it needs (service ids, which slices are new). */
export function planWithDetails(input: PlanInput): PlanDetails {
  const { plan, graph, assignment, sliceWave } = computePlan(input);
  const placements: SlicePlacement[] = assignment.slices.map((slice, s) => ({
    sliceId: slice.id,
    name: slice.name,
    team: slice.team,
    wave: sliceWave[s],
    serviceIds: slice.members.map((v) => graph.services[v].id),
    isProposed: slice.isProposed,
    isPinned: slice.pinnedWave > 0,
  }));
  return { plan, placements };
}

/** Plan the waves for a programme: pure, deterministic, linear apart from sorting. */
export function planWaves(input: PlanInput): Plan {
  return computePlan(input).plan;
}
