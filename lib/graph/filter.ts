/**
 * The explorer's filters: a service is shown when it matches every facet that has values
 * (any value within a facet); a dependency when both ends are shown and its kind is chosen.
 * "none" matches a service with no team, no wave or no slice.
 */
import type { DependencyKind } from "@/lib/inventory/model";
import type { GraphEdge, ExplorerNode } from "./types";

export type Filters = {
  team: readonly string[];
  wave: readonly string[];
  kind: readonly string[];
  status: readonly string[];
  stage: readonly string[];
  dep: readonly DependencyKind[];
};

export const NO_FILTERS: Filters = { team: [], wave: [], kind: [], status: [], stage: [], dep: [] };

const matches = (chosen: readonly string[], value: string | number | null): boolean => chosen.length === 0 || chosen.includes(value === null ? "none" : String(value));

/** 1 for each service the filters show. */
export function visibleNodes(nodes: readonly ExplorerNode[], f: Filters): Uint8Array {
  const shown = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => {
    shown[i] = matches(f.team, n.team) && matches(f.wave, n.wave) && matches(f.kind, n.kind) && matches(f.status, n.status) && matches(f.stage, n.stage) ? 1 : 0;
  });
  return shown;
}

/** Indices of the dependencies shown: both ends shown and the kind chosen (all kinds when none is). */
export function visibleEdges(edges: readonly GraphEdge[], from: Int32Array, to: Int32Array, shown: Uint8Array, f: Filters): number[] {
  const kept: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    if (shown[from[e]] && shown[to[e]] && (f.dep.length === 0 || f.dep.includes(edges[e].kind))) kept.push(e);
  }
  return kept;
}
