/** The drawn edges of a view: one per bundle, with its kind, blocked count, cycle and critical-path flags. */
import type { DependencyKind } from "@/lib/inventory/model";
import type { PreparedGraph } from "./analysis";
import type { Collapsed } from "./grouping";
import type { ViewEdge, ViewItem } from "./view";

/** Consecutive critical-path services as "a\u0000b" pairs, either direction. */
function criticalSteps(prepared: PreparedGraph): Set<string> {
  const steps = new Set<string>();
  const path = prepared.criticalPath;
  for (let i = 0; i + 1 < path.length; i++) {
    steps.add(`${path[i]}\u0000${path[i + 1]}`);
    steps.add(`${path[i + 1]}\u0000${path[i]}`);
  }
  return steps;
}

export function viewEdges(prepared: PreparedGraph, collapsed: Collapsed, items: readonly ViewItem[]): ViewEdge[] {
  const steps = criticalSteps(prepared);
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
      if (!isCritical && steps.has(`${edge.from}\u0000${edge.to}`)) isCritical = true;
    }
    const source = items[bundle.from].id;
    const target = items[bundle.to].id;
    return { id: `${source}\u2192${target}`, source, target, count: bundle.edges.length, kind: kind ?? "sync", blocked, isCycle, isCritical, edges: bundle.edges };
  });
}
