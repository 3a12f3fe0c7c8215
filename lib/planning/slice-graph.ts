/**
 * The slice-level graph the plan is computed on. Slices are the nodes; two slices that end up
 * ordered both ways (a cycle split across slices, or a slice bundling services from both
 * ends of a chain) form one strongly connected "unit" that is scheduled into one wave, and
 * the plan reports the order it breaks. The condensation of units is a DAG.
 */
import { condense, membersOf, stronglyConnected, type Csr } from "./graph";
import type { ServiceGraph } from "./ordering";
import type { SliceAssignment } from "./propose-slices";

export type UnitGraph = {
  count: number;
  /** Slice ordering edges (before -> after); parallel edges possible. */
  sliceOrder: Csr;
  /** Unit of each slice. */
  sliceUnit: Int32Array;
  /** Slices of each unit, in rank order. */
  unitSlices: Csr;
  /** Unit ordering edges; ids are a reverse topological order (edges go from higher to lower id). */
  order: Csr;
  /** 1 when the unit holds an infrastructure service: it is scheduled after the applications. */
  hasInfra: Uint8Array;
  /** 0 for a unit of empty slices: it neither delays infrastructure nor sits on the critical path. */
  hasServices: Uint8Array;
  /** Tie-break rank: the unit's first slice in (name, id) order. */
  rank: Int32Array;
  /** Longest chain of units starting at this one; longer chains get capacity first. */
  tail: Int32Array;
};

function sliceHasInfra(graph: ServiceGraph, assignment: SliceAssignment): Uint8Array {
  const flags = new Uint8Array(assignment.slices.length);
  for (let v = 0; v < graph.count; v++) if (graph.infra[v]) flags[assignment.sliceOf[v]] = 1;
  return flags;
}

/** Chain length from each unit to a sink; successors have lower ids, so one ascending pass. */
function tails(count: number, order: Csr): Int32Array {
  const tail = new Int32Array(count);
  for (let u = 0; u < count; u++) {
    let longest = 0;
    for (let e = order.offsets[u]; e < order.offsets[u + 1]; e++) longest = Math.max(longest, tail[order.targets[e]]);
    tail[u] = longest + 1;
  }
  return tail;
}

/** Condense the service ordering onto slices, then onto units. */
export function buildUnitGraph(graph: ServiceGraph, assignment: SliceAssignment): UnitGraph {
  const sliceCount = assignment.slices.length;
  const sliceOrder = condense(graph.order, assignment.sliceOf, sliceCount);
  const { component, count } = stronglyConnected(sliceOrder);
  const order = condense(sliceOrder, component, count);
  const unitSlices = membersOf(component, count);
  const sliceInfra = sliceHasInfra(graph, assignment);
  const hasInfra = new Uint8Array(count);
  const rank = new Int32Array(count);
  for (let u = 0; u < count; u++) rank[u] = unitSlices.targets[unitSlices.offsets[u]];
  const hasServices = new Uint8Array(count);
  for (let s = 0; s < sliceCount; s++) {
    if (sliceInfra[s]) hasInfra[component[s]] = 1;
    if (assignment.slices[s].members.length > 0) hasServices[component[s]] = 1;
  }
  return { count, sliceOrder, sliceUnit: component, unitSlices, order, hasInfra, hasServices, rank, tail: tails(count, order) };
}
