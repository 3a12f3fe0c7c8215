/**
 * Slices from services. The plan places slices, not services: services already in a slice
 * stay there, every other service is proposed as a slice of its own (owned by its team), and
 * services in one dependency cycle are proposed together because they must move together.
 */
import { compareText, buildServiceGraph, type ServiceGraph } from "./ordering";
import type { PlanDependency, PlanService, PlanSliceInput, PlanViolation } from "./types";

/** A slice as the planner sees it: members are service indices in name order. */
export type AssignedSlice = {
  id: string;
  name: string;
  team: string | null;
  members: number[];
  /** 0 when not pinned. */
  pinnedWave: number;
  pinReason: string | null;
  isProposed: boolean;
};

export type SliceAssignment = {
  /** Sorted by (name, id): a slice's index is its tie-break rank. */
  slices: AssignedSlice[];
  /** Slice index of each service. */
  sliceOf: Int32Array;
  violations: PlanViolation[];
};

/** A new slice the plan proposes for services that have none. */
export type ProposedSlice = { id: string; name: string; team: string | null; serviceIds: string[]; services: string[] };

/** The stable id of a proposed slice. */
export const proposedSliceId = (firstServiceName: string): string => `new:${firstServiceName}`;

function pinOf(slice: PlanSliceInput): number {
  const pin = slice.pinnedWave;
  if (pin === undefined || pin === null) return 0;
  if (!Number.isInteger(pin) || pin < 1) throw new RangeError(`slice ${slice.name}: pinnedWave must be a positive integer, got ${pin}`);
  return pin;
}

/** The most common team among the services (ties by team name); null if none has one. */
function commonTeam(graph: ServiceGraph, members: readonly number[]): string | null {
  const counts = new Map<string, number>();
  for (const v of members) {
    const team = graph.services[v].team;
    if (team !== null) counts.set(team, (counts.get(team) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [team, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && compareText(team, best) < 0)) {
      best = team;
      bestCount = count;
    }
  }
  return best;
}

/** Existing slices claim their services: serviceIds first, then services' own sliceId. */
function claimExisting(graph: ServiceGraph, input: readonly PlanSliceInput[], sliceOf: Int32Array, violations: PlanViolation[]): AssignedSlice[] {
  // Sorted before deduplicating, so a repeated id keeps the same entry whatever the input order.
  const seen = new Set<string>();
  const existing = [...input]
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
    .filter((slice) => !seen.has(slice.id) && seen.add(slice.id));
  const byId = new Map<string, number>();
  const slices = existing.map((slice, s): AssignedSlice => {
    byId.set(slice.id, s);
    return { id: slice.id, name: slice.name, team: slice.team, members: [], pinnedWave: pinOf(slice), pinReason: slice.pinReason ?? null, isProposed: false };
  });
  existing.forEach((slice, s) => {
    for (const serviceId of slice.serviceIds) {
      const v = graph.indexOf.get(serviceId);
      if (v === undefined || sliceOf[v] === s) continue;
      if (sliceOf[v] === -1) sliceOf[v] = s;
      else {
        const owner = slices[sliceOf[v]].name;
        violations.push({ kind: "membership", message: `${graph.names[v]} is listed in slices ${owner} and ${slice.name}; planned with ${owner}`, services: [graph.names[v]] });
      }
    }
  });
  for (let v = 0; v < graph.count; v++) {
    const claimed = graph.services[v].sliceId;
    if (sliceOf[v] !== -1 || !claimed) continue;
    const s = byId.get(claimed);
    if (s !== undefined) sliceOf[v] = s;
  }
  return slices;
}

/**
 * Unsliced services grouped by cycle, one proposal per group, named after its first service.
 * Proposals get slice indices from `firstIndex` on, written into `sliceOf`.
 */
function proposeForUnsliced(graph: ServiceGraph, sliceOf: Int32Array, takenNames: Set<string>, firstIndex: number): AssignedSlice[] {
  const { component, count } = graph.cycles;
  // Service names are unique per programme, so proposals only need checking against existing
  // slices' names; hashing 10,000 names for nothing is a visible share of the plan's cost.
  const mustCheckNames = takenNames.size > 0 || graph.names.some((name, v) => v > 0 && graph.names[v - 1] === name);
  const groupOfComponent = new Int32Array(count).fill(-1);
  const proposals: AssignedSlice[] = [];
  // Index order is name order, so each group's first member is its alphabetically first service.
  for (let v = 0; v < graph.count; v++) {
    if (sliceOf[v] !== -1) continue;
    const group = groupOfComponent[component[v]];
    if (group !== -1) {
      proposals[group].members.push(v);
      sliceOf[v] = firstIndex + group;
      continue;
    }
    groupOfComponent[component[v]] = proposals.length;
    sliceOf[v] = firstIndex + proposals.length;
    const name = mustCheckNames ? uniqueName(graph.names[v], takenNames) : graph.names[v];
    proposals.push({ id: proposedSliceId(graph.names[v]), name, team: null, members: [v], pinnedWave: 0, pinReason: null, isProposed: true });
  }
  for (const proposal of proposals) {
    proposal.team = proposal.members.length === 1 ? graph.services[proposal.members[0]].team : commonTeam(graph, proposal.members);
  }
  return proposals;
}

/** Slice names are unique per programme: a proposal named like an existing slice gets a suffix. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

const bySliceName = (a: AssignedSlice, b: AssignedSlice): number => compareText(a.name, b.name) || compareText(a.id, b.id);

/** Every service in exactly one slice: the existing ones plus proposals, sorted by (name, id). */
export function assignSlices(graph: ServiceGraph, input: readonly PlanSliceInput[]): SliceAssignment {
  const violations: PlanViolation[] = [];
  const sliceOf = new Int32Array(graph.count).fill(-1);
  const existing = claimExisting(graph, input, sliceOf, violations);
  const taken = new Set(existing.map((slice) => slice.name));
  const all = [...existing, ...proposeForUnsliced(graph, sliceOf, taken, existing.length)];
  const order = all.map((_, i) => i);
  // Proposals come out in name order; with no existing slices the sort is a no-op worth skipping.
  const isSorted = all.every((slice, i) => i === 0 || bySliceName(all[i - 1], slice) < 0);
  if (!isSorted) order.sort((a, b) => bySliceName(all[a], all[b]));
  if (isSorted && existing.length === 0) return { slices: all, sliceOf, violations };
  const rank = new Int32Array(all.length);
  order.forEach((s, r) => (rank[s] = r));
  const slices = order.map((s) => all[s]);
  for (const slice of slices) slice.members = [];
  // Rebuilt in index order so every slice lists its services by name (proposals already do).
  for (let v = 0; v < graph.count; v++) {
    sliceOf[v] = rank[sliceOf[v]];
    slices[sliceOf[v]].members.push(v);
  }
  return { slices, sliceOf, violations };
}

/** The slices a plan would create for services without one (owner: the services' team). */
export function proposeSlices(input: { services: readonly PlanService[]; dependencies: readonly PlanDependency[]; slices?: readonly PlanSliceInput[] }): ProposedSlice[] {
  const graph = buildServiceGraph(input.services, input.dependencies);
  const { slices } = assignSlices(graph, input.slices ?? []);
  return slices
    .filter((slice) => slice.isProposed)
    .map((slice) => ({
      id: slice.id,
      name: slice.name,
      team: slice.team,
      serviceIds: slice.members.map((v) => graph.services[v].id),
      services: slice.members.map((v) => graph.names[v]),
    }));
}
