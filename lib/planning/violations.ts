/**
 * What a plan breaks. Unpinned slices never break the order (the scheduler places them after
 * everything they follow), so every broken ordering edge has a pinned slice at one end or
 * joins slices that depend on each other; it is reported against that pin or that group.
 */
import type { ServiceGraph } from "./ordering";
import type { AssignedSlice, SliceAssignment } from "./propose-slices";
import type { Schedule } from "./schedule";
import type { UnitGraph } from "./slice-graph";
import type { PlanFacility, PlannedWave, PlanViolation, WaveRequirement } from "./types";

/** "a, b, c and 4 more". */
export function listNames(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

const sortedNames = (graph: ServiceGraph, services: Iterable<number>): string[] => [...new Set(services)].sort((a, b) => a - b).map((v) => graph.names[v]);

const sliceServiceNames = (graph: ServiceGraph, slices: readonly AssignedSlice[]): string[] =>
  sortedNames(graph, slices.flatMap((slice) => slice.members));

type Broken = { own: Set<number>; other: Set<number> };

export type OrderReport = {
  violations: PlanViolation[];
  /** Per pinned slice, the services outside it whose order the pin breaks. */
  pinBreaks: Map<number, number[]>;
};

/** Group every broken ordering edge under the pin or the mutually dependent slices that cause it. */
export function orderViolations(graph: ServiceGraph, assignment: SliceAssignment, units: UnitGraph, sliceWave: Int32Array): OrderReport {
  const { sliceOf, slices } = assignment;
  const byPin = new Map<number, Broken>();
  const byUnit = new Map<number, Broken>();
  const note = (groups: Map<number, Broken>, key: number, own: number, other: number) => {
    const entry = groups.get(key) ?? { own: new Set<number>(), other: new Set<number>() };
    entry.own.add(own);
    entry.other.add(other);
    groups.set(key, entry);
  };
  for (let e = 0; e < graph.order.targets.length; e++) {
    const x = graph.orderSources[e];
    const y = graph.order.targets[e];
    const sx = sliceOf[x];
    const sy = sliceOf[y];
    if (sx === sy) continue;
    // A cycle split across slices must still share one wave (a pin can pull a part away);
    // any other edge is broken when its slices are not strictly in order.
    const isCycle = graph.cycles.component[x] === graph.cycles.component[y];
    if (isCycle ? sliceWave[sx] === sliceWave[sy] : sliceWave[sx] < sliceWave[sy]) continue;
    if (slices[sy].pinnedWave > 0) note(byPin, sy, y, x);
    else if (slices[sx].pinnedWave > 0) note(byPin, sx, x, y);
    else note(byUnit, units.sliceUnit[sx], x, y);
  }
  const violations: PlanViolation[] = [];
  const pinBreaks = new Map<number, number[]>();
  for (const [s, broken] of byPin) {
    const others = [...broken.other].sort((a, b) => a - b);
    pinBreaks.set(s, others);
    const withWaves = others.map((v) => `${graph.names[v]} (wave ${sliceWave[sliceOf[v]]})`);
    violations.push({
      kind: "pin",
      message: `slice ${slices[s].name} is pinned to wave ${slices[s].pinnedWave}, which breaks the order with ${listNames(withWaves)}`,
      services: sortedNames(graph, [...broken.own, ...broken.other]),
    });
  }
  for (const [u, broken] of byUnit) {
    const group: string[] = [];
    for (let i = units.unitSlices.offsets[u]; i < units.unitSlices.offsets[u + 1]; i++) group.push(slices[units.unitSlices.targets[i]].name);
    violations.push({
      kind: "order",
      message: `slices ${listNames(group)} depend on each other, so they move together in wave ${sliceWave[units.unitSlices.targets[units.unitSlices.offsets[u]]]}: merge or split them`,
      services: sortedNames(graph, [...broken.own, ...broken.other]),
    });
  }
  return { violations, pinBreaks };
}

/** Pins that alone exceed a team's capacity, and mutually dependent slices too many for one wave. */
export function capacityViolations(graph: ServiceGraph, assignment: SliceAssignment, units: UnitGraph, result: Schedule, teamNames: readonly string[], sliceTeam: Int32Array, capacity: number): PlanViolation[] {
  const { slices } = assignment;
  const violations: PlanViolation[] = [];
  const pinnedAt = new Map<string, AssignedSlice[]>();
  if (result.overfullPins.length > 0) {
    slices.forEach((slice, s) => {
      if (slice.pinnedWave === 0 || sliceTeam[s] < 0) return;
      const key = `${sliceTeam[s]}@${slice.pinnedWave}`;
      const list = pinnedAt.get(key);
      if (list) list.push(slice);
      else pinnedAt.set(key, [slice]);
    });
  }
  for (const { team, wave, count } of result.overfullPins) {
    const pinned = pinnedAt.get(`${team}@${wave}`) ?? [];
    violations.push({
      kind: "capacity",
      message: `team ${teamNames[team]} has ${count} slices pinned to wave ${wave}, above its capacity of ${capacity}`,
      services: sliceServiceNames(graph, pinned),
    });
  }
  for (const { unit, team } of result.oversizedUnits) {
    const group: AssignedSlice[] = [];
    for (let i = units.unitSlices.offsets[unit]; i < units.unitSlices.offsets[unit + 1]; i++) {
      const s = units.unitSlices.targets[i];
      if (sliceTeam[s] === team) group.push(slices[s]);
    }
    violations.push({
      kind: "capacity",
      message: `slices ${listNames(group.map((slice) => slice.name))} of team ${teamNames[team]} must move together but exceed its capacity of ${capacity}`,
      services: sliceServiceNames(graph, group),
    });
  }
  return violations;
}

/** One violation per wave that moves services and requires a facility that is not ready (or unknown). */
export function facilityViolations(
  requirements: readonly WaveRequirement[],
  facilities: readonly PlanFacility[],
  waves: readonly PlannedWave[],
): PlanViolation[] {
  const servicesIn = (wave: number): string[] => (waves[wave - 1]?.slices.flatMap((slice) => slice.services) ?? []).sort();
  const byKey = new Map(facilities.map((facility) => [facility.key, facility]));
  const missingByWave = new Map<number, Set<string>>();
  for (const requirement of requirements) {
    // A wave beyond the plan, or one that moves nothing, needs nothing yet.
    if (!waves[requirement.wave - 1]?.slices.some((slice) => slice.services.length > 0)) continue;
    for (const key of requirement.facilityKeys) {
      const facility = byKey.get(key);
      if (facility?.ready) continue;
      const missing = missingByWave.get(requirement.wave) ?? new Set<string>();
      missing.add(facility ? facility.name : `${key} (unknown facility)`);
      missingByWave.set(requirement.wave, missing);
    }
  }
  return [...missingByWave.entries()]
    .sort(([a], [b]) => a - b)
    .map(([wave, missing]) => {
      const names = [...missing].sort();
      return {
        kind: "facility" as const,
        message: `wave ${wave} needs ${listNames(names, names.length)}, which ${names.length === 1 ? "is" : "are"} not ready`,
        services: servicesIn(wave),
      };
    });
}
