/**
 * Why each slice landed where it did, in one line. The first cause that applies wins: a pin,
 * then capacity, then slices it is entangled with, then a dependency cycle, then shared
 * infrastructure, then the dependency that sets its wave, and finally "leaf".
 */
import type { ServiceGraph } from "./ordering";
import type { SliceAssignment } from "./propose-slices";
import type { Schedule } from "./schedule";
import type { UnitGraph } from "./slice-graph";
import { listNames } from "./violations";

export type ReasonContext = {
  graph: ServiceGraph;
  assignment: SliceAssignment;
  units: UnitGraph;
  result: Schedule;
  teamNames: readonly string[];
  capacity: number;
  pinBreaks: Map<number, number[]>;
};

const DEPENDS_OUTSIDE = 1;
const USES_INFRA = 2;

type SliceFacts = {
  /** The service in another slice, planned latest, that this slice depends on (-1 if none). */
  binding: Int32Array;
  /** Distinct application services outside the slice using its infrastructure. */
  users: Int32Array;
  /** DEPENDS_OUTSIDE / USES_INFRA bits over its dependencies outside the slice. */
  dependsFlags: Uint8Array;
};

/** One pass over ordering edges and one over dependencies. */
function sliceFacts(graph: ServiceGraph, sliceOf: Int32Array, sliceWave: Int32Array, sliceCount: number): SliceFacts {
  const binding = new Int32Array(sliceCount).fill(-1);
  for (let e = 0; e < graph.order.targets.length; e++) {
    const x = graph.orderSources[e];
    const y = graph.order.targets[e];
    const sy = sliceOf[y];
    // "x uses y" edges are explained by the user count, not as a dependency.
    if (sliceOf[x] === sy || (graph.infra[y] && !graph.infra[x])) continue;
    const current = binding[sy];
    if (current === -1 || sliceWave[sliceOf[x]] > sliceWave[sliceOf[current]] || (sliceWave[sliceOf[x]] === sliceWave[sliceOf[current]] && x < current)) binding[sy] = x;
  }
  const users = new Int32Array(sliceCount);
  const lastUser = new Int32Array(sliceCount).fill(-1);
  const dependsFlags = new Uint8Array(sliceCount);
  // Dependencies are sorted by `from`, so one user's edges are consecutive: counting it once per slice is a stamp check.
  for (let e = 0; e < graph.dependencies.targets.length; e++) {
    const a = graph.dependencySources[e];
    const b = graph.dependencies.targets[e];
    if (sliceOf[a] === sliceOf[b]) continue;
    const usesInfra = graph.infra[b] === 1 && graph.infra[a] === 0;
    dependsFlags[sliceOf[a]] |= usesInfra ? USES_INFRA : DEPENDS_OUTSIDE;
    if (usesInfra && lastUser[sliceOf[b]] !== a) {
      lastUser[sliceOf[b]] = a;
      users[sliceOf[b]]++;
    }
  }
  return { binding, users, dependsFlags };
}

/**
 * "billing, ledger and 3 more": the other members of the cycles running through the slice
 * (all but its first service). Reads at most a few names per cycle, so a huge cycle split
 * across many slices stays linear.
 */
function cycleMates(graph: ServiceGraph, members: readonly number[], membersOfCycle: Map<number, number[]>): string {
  const { component, sizes } = graph.cycles;
  const shown = 3;
  const seen = new Set<number>();
  const candidates: number[] = [];
  let total = 0;
  for (const v of members) {
    const cycle = component[v];
    if (sizes[cycle] < 2 || seen.has(cycle)) continue;
    seen.add(cycle);
    const list = membersOfCycle.get(cycle)!;
    total += list.length - (component[members[0]] === cycle ? 1 : 0);
    candidates.push(...list.slice(0, shown + 1).filter((w) => w !== members[0]));
  }
  if (total === 0) return "";
  const names = candidates.sort((a, b) => a - b).slice(0, shown).map((v) => graph.names[v]);
  return total > names.length ? `${names.join(", ")} and ${total - names.length} more` : names.join(", ");
}

/** Services of each cycle, only for cycles of more than one service. */
function cycleMembers(graph: ServiceGraph): Map<number, number[]> {
  const { component, sizes } = graph.cycles;
  const byCycle = new Map<number, number[]>();
  for (let v = 0; v < graph.count; v++) {
    if (sizes[component[v]] < 2) continue;
    const list = byCycle.get(component[v]);
    if (list) list.push(v);
    else byCycle.set(component[v], [v]);
  }
  return byCycle;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The one-line reason for every slice, by slice index. */
export function sliceReasons(ctx: ReasonContext): string[] {
  const { graph, assignment, units, result, teamNames, capacity, pinBreaks } = ctx;
  const { slices, sliceOf } = assignment;
  const { sliceWave } = result;
  const facts = sliceFacts(graph, sliceOf, sliceWave, slices.length);
  const byCycle = cycleMembers(graph);
  const after = (v: number) => `${graph.names[v]} (wave ${sliceWave[sliceOf[v]]})`;

  return slices.map((slice, s) => {
    const wave = sliceWave[s];
    const u = units.sliceUnit[s];
    const binding = facts.binding[s];
    if (slice.pinnedWave > 0) {
      const broken = pinBreaks.get(s);
      const why = slice.pinReason ? ` (${slice.pinReason})` : "";
      return `pinned to wave ${slice.pinnedWave} by a manager${why}${broken ? `: breaks the order with ${listNames(broken.map((v) => graph.names[v]))}` : ""}`;
    }
    const earliest = result.unitEarliest[u];
    const fullTeam = result.unitFullTeam[u];
    if (fullTeam !== -1 && wave > earliest) {
      const full = wave - 1 === earliest ? `wave ${earliest}` : `waves ${earliest}-${wave - 1}`;
      return `moved to wave ${wave}: team ${teamNames[fullTeam]} is at capacity (${capacity}) in ${full}`;
    }
    const unitSize = units.unitSlices.offsets[u + 1] - units.unitSlices.offsets[u];
    if (unitSize > 1) {
      // Name a few of the other slices only: a unit can hold thousands, and this runs per slice.
      const others: string[] = [];
      for (let i = units.unitSlices.offsets[u]; i < units.unitSlices.offsets[u + 1] && others.length < 3; i++) {
        if (units.unitSlices.targets[i] !== s) others.push(slices[units.unitSlices.targets[i]].name);
      }
      const more = unitSize - 1 - others.length;
      const names = more > 0 ? `${others.join(", ")} and ${more} more` : others.join(", ");
      return unitSize === 2 ? `depends on slice ${names}, which depends back on it: moves with it` : `depends on slices ${names}, which depend back on it: moves with them`;
    }
    const mates = cycleMates(graph, slice.members, byCycle);
    if (mates) return `cycle with ${mates}: moves together${binding !== -1 ? `, after ${after(binding)}` : ""}`;
    if (units.hasInfra[u]) {
      const users = facts.users[s];
      // Name the dependency only when it, not the applications, sets the wave.
      const dependency = binding !== -1 && sliceWave[sliceOf[binding]] === wave - 1 ? `${after(binding)}, which it depends on` : "";
      if (users === 0) return dependency ? `shared infrastructure: after ${dependency}` : "shared infrastructure: moves after the application services";
      return `shared infrastructure: after its ${plural(users, "user")}${dependency ? ` and ${dependency}` : ""}`;
    }
    if (binding !== -1) return `after ${after(binding)}, which it depends on`;
    if (facts.dependsFlags[s] & USES_INFRA) return "depends only on shared infrastructure, which moves after it";
    if (slice.members.length === 0) return "no services yet";
    return slice.members.length > 1 ? "leaf: depends on no service outside the slice" : "leaf: depends on no other service";
  });
}
