/**
 * What the explorer knows about the whole graph before any view: indices, and the planner's
 * own findings, computed once per load by the planner itself (lib/planning): the cycles
 * (services that must move together), the critical path of the tightest plan, and the wave
 * the plan would give each service, which places unplanned services in their band.
 */
import { planWaves } from "@/lib/planning/plan";
import type { PlanSliceInput } from "@/lib/planning/types";
import type { DependencyKind } from "@/lib/inventory/model";
import type { ExplorerGraph } from "./types";

export type PreparedGraph = {
  graph: ExplorerGraph;
  indexOf: Map<string, number>;
  /** Edge endpoints by node index (`from` depends on `to`); an edge naming an unknown service points at itself and is never shown. */
  from: Int32Array;
  to: Int32Array;
  /** The cycle each service is in (an index into `cycles`), or -1. */
  cycleOf: Int32Array;
  cycles: string[][];
  /** 1 for services on the critical path. */
  critical: Uint8Array;
  criticalPath: string[];
  /** The wave the tightest plan gives each service (what an unplanned one would get). */
  proposedWave: Int32Array;
  teams: string[];
  waves: number[];
  systems: string[];
};

/** Indexes the graph and runs the planner over it once. */
export function prepareGraph(graph: ExplorerGraph): PreparedGraph {
  const n = graph.nodes.length;
  const indexOf = new Map(graph.nodes.map((node, i) => [node.name, i]));
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  graph.edges.forEach((e, i) => {
    from[i] = indexOf.get(e.from) ?? -1;
    to[i] = indexOf.get(e.to) ?? from[i];
    if (from[i] === -1) from[i] = to[i] = -1;
  });
  const slices = new Map<string, PlanSliceInput & { serviceIds: string[] }>();
  for (const node of graph.nodes) {
    if (!node.slice) continue;
    const slice = slices.get(node.slice) ?? { id: node.slice, name: node.slice, team: node.team, serviceIds: [], status: node.status ?? undefined };
    slice.serviceIds.push(node.name);
    slices.set(node.slice, slice);
  }
  const plan = planWaves({
    services: graph.nodes.map((node) => ({ id: node.name, name: node.name, kind: node.kind, shared: node.shared, team: node.team, sliceId: node.slice })),
    dependencies: graph.edges.filter((_, i) => from[i] !== -1).map((e) => ({ from: e.from, to: e.to })),
    slices: [...slices.values()],
  });
  const cycleOf = new Int32Array(n).fill(-1);
  plan.cycles.forEach((cycle, c) => cycle.forEach((name) => cycleOf[indexOf.get(name)!] = c));
  const critical = new Uint8Array(n);
  for (const name of plan.criticalPath) critical[indexOf.get(name)!] = 1;
  const proposedWave = new Int32Array(n);
  for (const wave of plan.waves) for (const slice of wave.slices) for (const name of slice.services) proposedWave[indexOf.get(name)!] = wave.number;
  const teams = new Set<string>();
  const waves = new Set<number>();
  const systems = new Set<string>();
  for (const node of graph.nodes) {
    if (node.team) teams.add(node.team);
    if (node.wave !== null) waves.add(node.wave);
    if (node.system) systems.add(node.system);
  }
  return {
    graph,
    indexOf,
    from,
    to,
    cycleOf,
    cycles: plan.cycles,
    critical,
    criticalPath: plan.criticalPath,
    proposedWave,
    teams: [...teams].sort(),
    waves: [...waves].sort((a, b) => a - b),
    systems: [...systems].sort(),
  };
}

export type Neighbour = { name: string; kind: DependencyKind; blocked: boolean };

/** What a service depends on and what depends on it, by name, for the side panel's lists. */
export function neighboursOf(prepared: PreparedGraph, name: string): { dependsOn: Neighbour[]; usedBy: Neighbour[] } | null {
  const v = prepared.indexOf.get(name);
  if (v === undefined) return null;
  const dependsOn: Neighbour[] = [];
  const usedBy: Neighbour[] = [];
  prepared.graph.edges.forEach((e, i) => {
    if (prepared.from[i] === v && prepared.to[i] !== v) dependsOn.push({ name: e.to, kind: e.kind, blocked: e.blocked });
    else if (prepared.to[i] === v && prepared.from[i] !== v) usedBy.push({ name: e.from, kind: e.kind, blocked: e.blocked });
  });
  const byName = (a: Neighbour, b: Neighbour) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { dependsOn: dependsOn.sort(byName), usedBy: usedBy.sort(byName) };
}

/** Services whose name contains the text (case-insensitive), names starting with it first. */
export function searchServices(prepared: PreparedGraph, text: string, limit = 8): string[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const starts: string[] = [];
  const contains: string[] = [];
  for (const node of prepared.graph.nodes) {
    const name = node.name.toLowerCase();
    if (name.startsWith(needle)) starts.push(node.name);
    else if (name.includes(needle)) contains.push(node.name);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
