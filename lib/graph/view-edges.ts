/** The drawn edges of a view: one per bundle, with its kind, blocked count, cycle and critical-path flags. */
import type { DependencyKind } from "@/lib/inventory/model";
import type { PreparedGraph } from "./analysis";
import type { Collapsed } from "./grouping";
import type { ViewEdge, ViewItem } from "./view";

/** Each service's place on the critical path (-1 when it is not on it): a step joins two consecutive places. */
function criticalPlaces(prepared: PreparedGraph): Int32Array {
  const place = new Int32Array(prepared.graph.nodes.length).fill(-1);
  prepared.criticalPath.forEach((name, i) => (place[prepared.indexOf.get(name)!] = i));
  return place;
}

export function viewEdges(prepared: PreparedGraph, collapsed: Collapsed, items: readonly ViewItem[]): ViewEdge[] {
  const place = criticalPlaces(prepared);
  const { edges } = prepared.graph;
  return collapsed.bundles.map((bundle) => {
    let kind: DependencyKind | "mixed" | null = null;
    let blocked = 0;
    let isCycle = true;
    let isCritical = false;
    for (const e of bundle.edges) {
      const edge = edges[e];
      kind = kind === null || kind === edge.kind ? edge.kind : "mixed";
      if (edge.blocked) blocked++;
      const c = prepared.cycleOf[prepared.from[e]];
      if (c === -1 || c !== prepared.cycleOf[prepared.to[e]]) isCycle = false;
      const a = place[prepared.from[e]];
      const b = place[prepared.to[e]];
      if (a !== -1 && b !== -1 && Math.abs(a - b) === 1) isCritical = true;
    }
    const source = items[bundle.from].id;
    const target = items[bundle.to].id;
    return { id: `${source}\u2192${target}`, source, target, count: bundle.edges.length, kind: kind ?? "sync", blocked, isCycle, isCritical };
  });
}
