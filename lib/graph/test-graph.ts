/** Graphs for the explorer's unit tests: a hand-written one by spec, and seeded random estates planned by the planner. */
import { planWaves } from "@/lib/planning/plan";
import { randomEstate } from "@/lib/planning/random-graph";
import type { DependencyKind } from "@/lib/inventory/model";
import type { ExplorerGraph, ExplorerNode } from "./types";

export const node = (name: string, more: Partial<ExplorerNode> = {}): ExplorerNode => ({
  id: `id-${name}`,
  name,
  team: "core",
  kind: "api",
  stateful: false,
  slice: null,
  sliceId: null,
  wave: null,
  status: null,
  stage: null,
  system: null,
  shared: false,
  ...more,
});

/** A service in a slice of its own, in a wave. */
export const planned = (name: string, wave: number, more: Partial<ExplorerNode> = {}): ExplorerNode =>
  node(name, { slice: `slice-${name}`, sliceId: `sid-${name}`, wave, status: "planned", stage: "0", ...more });

/** "a>b b>c:async" : a depends on b (sync), b on c (async). */
export function edges(spec: string): ExplorerGraph["edges"] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const [ends, kind = "sync"] = pair.split(":");
      const [from, to] = ends.split(">");
      return { from, to, kind: kind as DependencyKind, blocked: false };
    });
}

/** A seeded random estate, every service in its own slice in the wave the planner gives it (or unplanned). */
export function randomGraph(seed: number, services: number, dependencies: number, { unplannedShare = 0 } = {}): ExplorerGraph {
  const input = randomEstate(seed, { services, dependencies, cycles: 2, teams: 6 });
  const plan = planWaves(input);
  const waveOf = new Map<string, number>();
  for (const wave of plan.waves) for (const slice of wave.slices) for (const name of slice.services) waveOf.set(name, wave.number);
  const nameOf = new Map(input.services.map((s) => [s.id, s.name]));
  const nodes = input.services.map((s, i) =>
    i % 100 < unplannedShare * 100 ? node(s.name, { team: s.team, kind: s.kind, shared: s.shared }) : planned(s.name, waveOf.get(s.name)!, { team: s.team, kind: s.kind, shared: s.shared }),
  );
  nodes.sort((a, b) => (a.name < b.name ? -1 : 1));
  const kinds: DependencyKind[] = ["sync", "async", "data"];
  return { nodes, edges: input.dependencies.map((d, i) => ({ from: nameOf.get(d.from)!, to: nameOf.get(d.to)!, kind: kinds[i % 3], blocked: i % 7 === 0 })) };
}

/** The demo estate (lib/seed/demo-data.ts) as the explorer reads it, every slice planned. */
export async function demoGraph(): Promise<ExplorerGraph> {
  const { DEMO_DEPENDENCIES, DEMO_SERVICES, DEMO_SLICES, DEMO_TEAMS } = await import("@/lib/seed/demo-data");
  const sliceOf = new Map(DEMO_SLICES.flatMap((s) => s.services.map((name) => [name, s] as const)));
  const nodes = DEMO_SERVICES.map((s) => {
    const slice = sliceOf.get(s.name);
    const more = { team: DEMO_TEAMS[s.team].name, kind: s.kind, stateful: s.stateful ?? false, shared: s.shared ?? false };
    return slice ? planned(s.name, slice.wave, { ...more, slice: slice.name, sliceId: `sid-${slice.name}` }) : node(s.name, more);
  }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const list = Object.entries(DEMO_DEPENDENCIES).flatMap(([from, tos]) =>
    tos.split(" ").map((t) => {
      const [to, kind = "sync"] = t.split(":");
      return { from, to, kind: kind as DependencyKind, blocked: false };
    }),
  );
  return { nodes, edges: list };
}
