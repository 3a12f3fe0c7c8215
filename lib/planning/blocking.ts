/**
 * Who waits on whom. A slice waits for a slice the planner orders before it (one holding a
 * service it depends on or, for shared infrastructure, one of its users) that is planned in
 * an earlier wave; it is blocked while any of those is not live yet. A slice that is itself
 * live or done waits for nothing, and a slice planned no later than what it follows is a
 * plan violation, not a wait.
 */
import { compareText, buildServiceGraph, type ServiceGraph } from "./ordering";
import type { PlanDependency, PlanService, SliceStatus } from "./types";

export type BlockingSliceInput = {
  id: string;
  name: string;
  team: string | null;
  serviceIds: readonly string[];
  /** null when the slice is in no wave yet. */
  wave: number | null;
  status: SliceStatus;
};

export type BlockingInput = {
  services: readonly PlanService[];
  dependencies: readonly PlanDependency[];
  slices: readonly BlockingSliceInput[];
};

export type SliceRef = { id: string; name: string; team: string | null; wave: number; status: SliceStatus };
export type BlockedSlice = SliceRef & { waitsOn: SliceRef[] };
/** The slices waiting on one team, each with only the slices of that team it waits on. */
export type TeamWaits = { team: string | null; waiting: BlockedSlice[] };
export type Blocking = { blocked: BlockedSlice[]; byTeam: TeamWaits[] };

/** Live and done slices serve traffic from Kubernetes: nothing waits on them any more. */
export const isLive = (status: SliceStatus): boolean => status === "live" || status === "done";

/**
 * Whether a slice ordered after another waits on it: neither is live yet and the one it
 * follows is planned in an earlier wave (planned no later is a violation, not a wait).
 */
export const isWaitingOn = (waiting: Pick<SliceRef, "wave" | "status">, waited: Pick<SliceRef, "wave" | "status">): boolean =>
  !isLive(waiting.status) && !isLive(waited.status) && waited.wave < waiting.wave;

const byWaveThenName = (a: SliceRef, b: SliceRef): number => a.wave - b.wave || compareText(a.name, b.name) || compareText(a.id, b.id);

const byTeamName = (a: TeamWaits, b: TeamWaits): number =>
  a.team === b.team ? 0 : a.team === null ? 1 : b.team === null ? -1 : compareText(a.team, b.team);

/** The slice's reference, or null when it is in no wave (an unplanned slice neither waits nor is waited on). */
const refOf = ({ id, name, team, wave, status }: BlockingSliceInput): SliceRef | null => (wave === null ? null : { id, name, team, wave, status });

/** Slice index per service index (-1 for services in no planned slice). */
function sliceOfServices(indexOf: Map<string, number>, count: number, slices: readonly BlockingSliceInput[]): Int32Array {
  const sliceOf = new Int32Array(count).fill(-1);
  slices.forEach((slice, s) => {
    if (slice.wave === null) return;
    for (const id of slice.serviceIds) {
      const v = indexOf.get(id);
      if (v !== undefined && sliceOf[v] === -1) sliceOf[v] = s;
    }
  });
  return sliceOf;
}

/** Blocked slices (not live, waiting on a slice that is not live) and the same grouped by the team waited on. */
export function blockedSlices(input: BlockingInput, prebuilt?: ServiceGraph): Blocking {
  // A caller that also checks placements (the board) builds the graph once and passes it.
  const graph = prebuilt ?? buildServiceGraph(input.services, input.dependencies);
  const refs = input.slices.map(refOf);
  const sliceOf = sliceOfServices(graph.indexOf, graph.count, input.slices);
  const waitsOn = new Map<number, Set<number>>();
  for (let e = 0; e < graph.order.targets.length; e++) {
    const before = sliceOf[graph.orderSources[e]];
    const after = sliceOf[graph.order.targets[e]];
    if (before === -1 || after === -1 || before === after) continue;
    if (!isWaitingOn(refs[after]!, refs[before]!)) continue;
    const set = waitsOn.get(after) ?? new Set<number>();
    set.add(before);
    waitsOn.set(after, set);
  }
  const blocked: BlockedSlice[] = [];
  const byTeam = new Map<string | null, BlockedSlice[]>();
  for (const [s, waited] of waitsOn) {
    const self = refs[s]!;
    const waitRefs = [...waited].map((w) => refs[w]!).sort(byWaveThenName);
    blocked.push({ ...self, waitsOn: waitRefs });
    for (const team of new Set(waitRefs.map((ref) => ref.team))) {
      const list = byTeam.get(team) ?? [];
      list.push({ ...self, waitsOn: waitRefs.filter((ref) => ref.team === team) });
      byTeam.set(team, list);
    }
  }
  return {
    blocked: blocked.sort(byWaveThenName),
    byTeam: [...byTeam.entries()].map(([team, waiting]) => ({ team, waiting: waiting.sort(byWaveThenName) })).sort(byTeamName),
  };
}
