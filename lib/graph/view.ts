/**
 * One view of the graph, from the URL's parameters: filter, focus, group, lay out, colour.
 * Pure and deterministic, so the worker, the tests and the benchmark all run the same code,
 * and the same link always draws the same picture.
 */
import type { DependencyKind } from "@/lib/inventory/model";
import type { PreparedGraph } from "./analysis";
import { visibleEdges, visibleNodes } from "./filter";
import { neighbourhood } from "./focus";
import { collapse, groupKey, groupLabel, type DrawnItem, type GroupBy } from "./grouping";
import { layeredLayout } from "./layout";
import { categories, categoryKey, type Category } from "./palette";
import type { ViewParams } from "./view-params";
import type { ExplorerNode } from "./types";
import { viewEdges } from "./view-edges";

/** Above this many shown services the view opens grouped (React Flow's DOM ceiling is near 1,000). */
export const GROUP_THRESHOLD = 500;
/** Past these the expanded layout would exceed its time budget on a 2-core machine: grouped instead. */
export const MAX_EXPANDED_NODES = 20_000;
export const MAX_EXPANDED_EDGES = 60_000;

export type ViewItem = {
  /** A service's name, or "group:<key>". */
  id: string;
  type: "node" | "group";
  label: string;
  x: number;
  y: number;
  category: string;
  colour: string;
  badge: string;
  /** Services drawn by this item (1 for a service). */
  count: number;
  /** Dependencies inside a collapsed group, hidden but counted. */
  internalEdges: number;
  isCycle: boolean;
  isCritical: boolean;
  /** Hops from the focused service (0 for it), -1 outside focus mode. */
  distance: number;
  groupKey: string | null;
  node: (Omit<ExplorerNode, "name"> & { proposedWave: number | null }) | null;
};

export type ViewEdge = {
  id: string;
  source: string;
  target: string;
  /** Dependencies bundled into this edge. */
  count: number;
  kind: DependencyKind | "mixed";
  blocked: number;
  isCycle: boolean;
  isCritical: boolean;
};

export type ViewColumn = { label: string; x: number; y: number; width: number; height: number };

export type ViewStats = {
  services: number;
  shownServices: number;
  drawn: number;
  dependencies: number;
  shownDependencies: number;
  bundles: number;
  hiddenInGroups: number;
  hiddenByFilters: number;
  layoutMs: number;
};

export type View = {
  items: ViewItem[];
  edges: ViewEdge[];
  /**
   * For each edge, the bundled dependencies' indices in the graph's edge list (the CSV export's
   * rows). The worker keeps them and posts an empty list: at 15,000 edges they would only add
   * to what the page's main thread has to receive.
   */
  bundled: number[][];
  columns: ViewColumn[];
  width: number;
  height: number;
  grouping: GroupBy | null;
  legend: Category[];
  stats: ViewStats;
  notices: string[];
  /** The selected item's id (a group when the service is inside a collapsed one). */
  selected: string | null;
  focus: string | null;
  highlight: ViewParams["highlight"];
};

/** Drops parameters naming teams, waves or services the graph does not have, with a notice each. */
function checkNames(prepared: PreparedGraph, params: ViewParams, notices: string[]): ViewParams {
  const keep = (key: string, values: readonly string[], known: (v: string) => boolean) => {
    const bad = values.filter((v) => v !== "none" && !known(v));
    if (bad.length) notices.push(`Ignored ${key}=${bad.join(", ")}: no such ${key} in this programme.`);
    return values.filter((v) => v === "none" || known(v));
  };
  const teams = new Set(prepared.teams);
  const waves = new Set(prepared.waves.map(String));
  const service = (key: string, name: string | null) => {
    if (name === null || prepared.indexOf.has(name)) return name;
    notices.push(`Ignored ${key}=${name}: no such service in this programme.`);
    return null;
  };
  return {
    ...params,
    team: keep("team", params.team, (v) => teams.has(v)),
    wave: keep("wave", params.wave, (v) => waves.has(v)),
    focus: service("focus", params.focus),
    select: service("select", params.select),
  };
}

function chooseGrouping(params: ViewParams, shown: number, edges: number, notices: string[]): GroupBy | null {
  let by: GroupBy | null = params.expand === "all" || params.group === "none" ? null : params.group === "auto" ? (shown > GROUP_THRESHOLD ? "wave" : null) : params.group;
  if (by === null && (shown > MAX_EXPANDED_NODES || edges > MAX_EXPANDED_EDGES)) {
    notices.push(`${shown} services and ${edges} dependencies are more than the expanded view lays out within its time budget: showing them grouped by wave. Filter or focus to see them one by one.`);
    by = "wave";
  }
  return by;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 1;
};

/** The most frequent value (ties: the first seen). */
function mode(values: readonly string[]): string {
  if (values.length === 1) return values[0];
  const counts = new Map<string, number>();
  let best = "none";
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) [best, bestCount] = [v, c];
  }
  return best;
}

/** Builds the view the parameters describe; `notices` already holds what reading the URL ignored. */
export function buildView(prepared: PreparedGraph, requested: ViewParams, notices: string[] = []): View {
  const started = performance.now();
  const { graph } = prepared;
  const n = graph.nodes.length;
  const params = checkNames(prepared, requested, notices);
  const shownMask = visibleNodes(graph.nodes, params);
  let distance: Int32Array | null = null;
  if (params.focus !== null) {
    const root = prepared.indexOf.get(params.focus)!;
    const kinds = params.dep;
    const e = kinds.length === 0 ? prepared : filterEdgesByKind(prepared, kinds);
    distance = neighbourhood(n, e, root, params.depth, params.dir);
    for (let v = 0; v < n; v++) if (distance[v] === -1) shownMask[v] = 0;
    shownMask[root] = 1;
  }
  const shown: number[] = [];
  for (let v = 0; v < n; v++) if (shownMask[v]) shown.push(v);
  const shownEdges = visibleEdges(graph.edges, prepared.from, prepared.to, shownMask, params);
  const by = chooseGrouping(params, shown.length, shownEdges.length, notices);
  const expanded = new Set(params.expand === "all" ? [] : params.expand);
  if (by && params.select) expanded.add(groupKey(graph.nodes[prepared.indexOf.get(params.select)!], by));
  const collapsed = collapse(graph.nodes, shown, { from: prepared.from, to: prepared.to, shown: shownEdges }, by, expanded);

  // Layers: a service's wave, or in the unplanned band the wave the plan would give it.
  const layerOfNode = (v: number) => graph.nodes[v].wave ?? (prepared.proposedWave[v] || 1);
  const itemMembers = (item: DrawnItem) => (item.type === "node" ? [item.node] : item.members);
  const count = collapsed.items.length;
  const layer = new Int32Array(count);
  const band = new Uint8Array(count);
  const rank = new Int32Array(count);
  const teamIndex = new Map(prepared.teams.map((t, i) => [t, i + 1]));
  collapsed.items.forEach((item, i) => {
    const members = itemMembers(item);
    const planned = members.filter((v) => graph.nodes[v].wave !== null);
    band[i] = planned.length > 0 ? 0 : 1;
    layer[i] = median((planned.length > 0 ? planned : members).map(layerOfNode));
    // Teams start together in each column; the barycenter passes then reorder.
    rank[i] = (teamIndex.get(graph.nodes[members[0]].team ?? "") ?? 0) * (n + 1) + members[0];
  });
  const bundles = collapsed.bundles.filter((b) => b.from !== b.to);
  const layout = layeredLayout({ count, layer, band, rank, from: Int32Array.from(bundles, (b) => b.from), to: Int32Array.from(bundles, (b) => b.to) });

  const keys = collapsed.items.map((item) => mode(itemMembers(item).map((v) => categoryKey(graph.nodes[v], params.colour))));
  const legend = categories(params.colour, keys, prepared.teams);
  const byKey = new Map(legend.map((c) => [c.key, c]));
  const items: ViewItem[] = collapsed.items.map((item, i) => {
    const members = itemMembers(item);
    const category = byKey.get(keys[i])!;
    const base = {
      x: layout.x[i],
      y: layout.y[i],
      category: category.key,
      colour: category.colour,
      badge: category.badge,
      count: members.length,
      isCycle: members.some((v) => prepared.cycleOf[v] !== -1),
      isCritical: members.some((v) => prepared.critical[v] === 1),
    };
    if (item.type === "group") {
      return { ...base, id: `group:${item.key}`, type: "group", label: `${groupLabel(item.key)} · ${members.length} services`, internalEdges: item.internalEdges.length, distance: -1, groupKey: item.key, node: null };
    }
    const { name, ...node } = graph.nodes[item.node];
    return { ...base, id: name, type: "node", label: name, internalEdges: 0, distance: distance ? distance[item.node] : -1, groupKey: null, node: { ...node, proposedWave: prepared.proposedWave[item.node] || null } };
  });

  const edges = viewEdges(prepared, collapsed, items);
  const bundled = collapsed.bundles.map((b) => b.edges);
  const columns = layout.columns.map((c) => ({
    label: c.band === 0 ? `Wave ${c.layer}` : `Unplanned · plan says wave ${c.layer}`,
    x: c.x,
    y: c.y,
    width: c.width,
    height: c.height,
  }));
  const selectedIndex = params.select === null ? -1 : collapsed.itemOf[prepared.indexOf.get(params.select)!];
  return {
    items,
    edges,
    bundled,
    columns,
    width: layout.width,
    height: layout.height,
    grouping: by,
    legend,
    stats: {
      services: n,
      shownServices: shown.length,
      drawn: items.length,
      dependencies: graph.edges.length,
      shownDependencies: shownEdges.length,
      bundles: edges.length,
      hiddenInGroups: collapsed.hidden,
      hiddenByFilters: graph.edges.length - shownEdges.length,
      layoutMs: Math.round(performance.now() - started),
    },
    notices,
    selected: selectedIndex >= 0 ? items[selectedIndex].id : null,
    focus: params.focus,
    highlight: params.highlight,
  };
}

/** The edge arrays with only the chosen kinds (others point nowhere), for focus mode's walk. */
function filterEdgesByKind(prepared: PreparedGraph, kinds: readonly DependencyKind[]): { from: Int32Array; to: Int32Array } {
  const keep = prepared.graph.edges.map((e, i) => (kinds.includes(e.kind) && prepared.from[i] !== -1 ? i : -1)).filter((i) => i !== -1);
  return { from: Int32Array.from(keep, (i) => prepared.from[i]), to: Int32Array.from(keep, (i) => prepared.to[i]) };
}
