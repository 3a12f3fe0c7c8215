/**
 * Checks a placement that already exists (the stored waves, or one hand-made move) against
 * the ordering rules, without planning anything. For every slice: the earliest and latest
 * wave it can take given where the other slices are, and which slice sets each bound; for
 * the whole placement: the ordering edges it breaks. The wave board validates a move live
 * with the bounds, and the server re-checks it with `moveBreaks`.
 */
import { buildServiceGraph, compareText, type ServiceGraph } from "./ordering";
import type { PlanDependency, PlanService, PlanViolation } from "./types";

export type PlacedSlice = { id: string; name: string; serviceIds: readonly string[]; wave: number | null };

/** One ordering edge between two slices: `service` (in this slice) and `other` (in `slice`). */
export type OrderLink = { sliceId: string; slice: string; wave: number; service: string; other: string };

export type SliceBounds = {
  /** The lowest wave that keeps the order (1 when nothing constrains it). */
  earliest: number;
  /** The highest wave that keeps the order; null when nothing must follow it. */
  latest: number | null;
  /** The slice that sets `earliest`, if any. */
  earliestBy: OrderLink | null;
  /** The slice that sets `latest`, if any. */
  latestBy: OrderLink | null;
};

export type PlacementInput = { services: readonly PlanService[]; dependencies: readonly PlanDependency[]; slices: readonly PlacedSlice[] };

type Edges = { graph: ServiceGraph; sliceOf: Int32Array; waves: (number | null)[] };

function indexPlacement(input: PlacementInput, prebuilt?: ServiceGraph): Edges {
  const graph = prebuilt ?? buildServiceGraph(input.services, input.dependencies);
  const sliceOf = new Int32Array(graph.count).fill(-1);
  input.slices.forEach((slice, s) => {
    for (const id of slice.serviceIds) {
      const v = graph.indexOf.get(id);
      if (v !== undefined && sliceOf[v] === -1) sliceOf[v] = s;
    }
  });
  return { graph, sliceOf, waves: input.slices.map((slice) => slice.wave) };
}

/**
 * Visits every ordering edge between two different placed slices, with whether both ends
 * sit in one dependency cycle (then sharing a wave is required, not a break).
 */
function forEachLink(edges: Edges, visit: (before: number, after: number, x: number, y: number, sameCycle: boolean) => void) {
  const { graph, sliceOf, waves } = edges;
  const { component } = graph.cycles;
  for (let e = 0; e < graph.order.targets.length; e++) {
    const x = graph.orderSources[e];
    const y = graph.order.targets[e];
    const before = sliceOf[x];
    const after = sliceOf[y];
    if (before === -1 || after === -1 || before === after || waves[before] === null || waves[after] === null) continue;
    visit(before, after, x, y, component[x] === component[y]);
  }
}

/** Per slice id, the range of waves that keeps the order given every other slice's wave. */
export function sliceBounds(input: PlacementInput, prebuilt?: ServiceGraph): Map<string, SliceBounds> {
  const edges = indexPlacement(input, prebuilt);
  const { graph, waves } = edges;
  const bounds = input.slices.map((): SliceBounds => ({ earliest: 1, latest: null, earliestBy: null, latestBy: null }));
  // Seen from the bounded slice: `s` is the other slice, `own` the bounded slice's service.
  const link = (s: number, own: number, other: number): OrderLink => ({ sliceId: input.slices[s].id, slice: input.slices[s].name, wave: waves[s]!, service: graph.names[own], other: graph.names[other] });
  forEachLink(edges, (before, after, x, y, sameCycle) => {
    // A cycle split across slices must share a wave: the bound is the other slice's wave itself.
    const minAfter = waves[before]! + (sameCycle ? 0 : 1);
    const maxBefore = waves[after]! - (sameCycle ? 0 : 1);
    const a = bounds[after];
    if (minAfter > a.earliest || (minAfter === a.earliest && a.earliestBy === null)) {
      a.earliest = Math.max(1, minAfter);
      a.earliestBy = link(before, y, x);
    }
    const b = bounds[before];
    if (b.latest === null || maxBefore < b.latest) {
      b.latest = maxBefore;
      b.latestBy = link(after, x, y);
    }
  });
  return new Map(input.slices.map((slice, s) => [slice.id, bounds[s]]));
}

/** Every ordering edge the given move would break: slices it must follow and slices that must follow it. */
export function moveBreaks(input: PlacementInput, sliceId: string, toWave: number): { mustFollow: OrderLink[]; mustPrecede: OrderLink[] } {
  const moved = input.slices.map((slice) => (slice.id === sliceId ? { ...slice, wave: toWave } : slice));
  const edges = indexPlacement({ ...input, slices: moved });
  const { graph, waves } = edges;
  const target = moved.findIndex((slice) => slice.id === sliceId);
  const mustFollow: OrderLink[] = [];
  const mustPrecede: OrderLink[] = [];
  const ref = (s: number, service: number, other: number): OrderLink => ({ sliceId: moved[s].id, slice: moved[s].name, wave: waves[s]!, service: graph.names[service], other: graph.names[other] });
  forEachLink(edges, (before, after, x, y, sameCycle) => {
    const broken = sameCycle ? waves[before] !== waves[after] : waves[before]! >= waves[after]!;
    if (!broken) return;
    if (after === target) mustFollow.push(ref(before, y, x));
    else if (before === target) mustPrecede.push(ref(after, x, y));
  });
  const byWave = (a: OrderLink, b: OrderLink) => a.wave - b.wave || compareText(a.slice, b.slice) || compareText(a.service, b.service);
  return { mustFollow: mustFollow.sort(byWave), mustPrecede: mustPrecede.sort(byWave) };
}

/** The ordering edges a stored placement breaks, one violation per pair of slices. */
export function placementViolations(input: PlacementInput): PlanViolation[] {
  const edges = indexPlacement(input);
  const { graph, waves } = edges;
  const byPair = new Map<string, { before: number; after: number; services: Set<string>; example: [number, number] }>();
  forEachLink(edges, (before, after, x, y, sameCycle) => {
    const broken = sameCycle ? waves[before] !== waves[after] : waves[before]! >= waves[after]!;
    if (!broken) return;
    const key = `${before}:${after}`;
    const entry = byPair.get(key) ?? { before, after, services: new Set<string>(), example: [x, y] };
    entry.services.add(graph.names[x]).add(graph.names[y]);
    byPair.set(key, entry);
  });
  return [...byPair.values()]
    .map(({ before, after, services, example: [x, y] }): PlanViolation => {
      const b = input.slices[before];
      const a = input.slices[after];
      return {
        kind: "order",
        message: `slice ${a.name} (wave ${a.wave}) must move after ${b.name} (wave ${b.wave}): ${graph.names[y]} ${graph.infra[y] && !graph.infra[x] ? "is used by" : "depends on"} ${graph.names[x]}`,
        services: [...services].sort(compareText),
      };
    })
    .sort((p, q) => compareText(p.message, q.message));
}
