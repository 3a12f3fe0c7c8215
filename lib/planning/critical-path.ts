/**
 * The critical path: the longest chain of units in the tightest plan (no pins, no capacity),
 * application chain first and infrastructure levels after it. Its length is the fewest
 * waves any plan can have, so the tight plan has exactly that many waves.
 */
import type { ServiceGraph } from "./ordering";
import type { SliceAssignment } from "./propose-slices";
import type { UnitGraph } from "./slice-graph";

/** For each unit, the lowest-ranked predecessor exactly one level below it (or -1). */
function predecessorsOneLevelDown(units: UnitGraph, levels: Int32Array): Int32Array {
  const best = new Int32Array(units.count).fill(-1);
  const { offsets, targets } = units.order;
  for (let u = 0; u < units.count; u++) {
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (levels[u] !== levels[v] - 1) continue;
      if (best[v] === -1 || units.rank[u] < units.rank[best[v]]) best[v] = u;
    }
  }
  return best;
}

/** The lowest-ranked unit with the highest level among those accepted by `accept`. */
function topUnit(units: UnitGraph, levels: Int32Array, accept: (u: number) => boolean): number {
  let top = -1;
  for (let u = 0; u < units.count; u++) {
    if (!accept(u)) continue;
    if (top === -1 || levels[u] > levels[top] || (levels[u] === levels[top] && units.rank[u] < units.rank[top])) top = u;
  }
  return top;
}

/** Units along the critical path, in wave order. */
function unitChain(units: UnitGraph, levels: Int32Array, barrier: number, hasServices: (u: number) => boolean): number[] {
  const end = topUnit(units, levels, hasServices);
  if (end === -1) return [];
  const best = predecessorsOneLevelDown(units, levels);
  // An infrastructure unit held only by the "after all applications" floor continues the
  // chain at the last application wave: that is what it waits for.
  const lastApplication = topUnit(units, levels, (u) => !units.hasInfra[u] && levels[u] === barrier && hasServices(u));
  const chain: number[] = [];
  for (let u = end; u !== -1; ) {
    chain.push(u);
    if (levels[u] === 1) break;
    u = best[u] !== -1 ? best[u] : levels[u] === barrier + 1 ? lastApplication : -1;
  }
  return chain.reverse();
}

/** One service name per wave along the critical path, following real ordering edges where they exist. */
export function criticalPathNames(graph: ServiceGraph, assignment: SliceAssignment, units: UnitGraph, levels: Int32Array, barrier: number): string[] {
  const unitOf = (service: number) => units.sliceUnit[assignment.sliceOf[service]];
  const chain = unitChain(units, levels, barrier, (u) => units.hasServices[u] === 1);
  const position = new Int32Array(units.count).fill(-1);
  chain.forEach((u, i) => (position[u] = i));
  const entry = new Int32Array(chain.length).fill(-1);
  const exit = new Int32Array(chain.length).fill(-1);
  // Edges are sorted by (before, after): the first witness of a step is the alphabetically first.
  for (let e = 0; e < graph.order.targets.length; e++) {
    const x = graph.orderSources[e];
    const y = graph.order.targets[e];
    const step = position[unitOf(x)];
    if (step === -1 || position[unitOf(y)] !== step + 1) continue;
    if (exit[step] === -1) exit[step] = x;
    if (entry[step + 1] === -1) entry[step + 1] = y;
  }
  const firstService = new Int32Array(units.count).fill(-1);
  for (let v = graph.count - 1; v >= 0; v--) firstService[unitOf(v)] = v;
  return chain.map((u, i) => graph.names[entry[i] !== -1 ? entry[i] : exit[i] !== -1 ? exit[i] : firstService[u]]);
}
