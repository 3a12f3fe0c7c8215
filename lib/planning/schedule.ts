/**
 * List scheduling of units into waves. Without pins or capacity it computes the earliest
 * wave of every unit (longest path), which is the tightest plan. Pins fix a slice's wave and
 * everything after it moves later; capacity pushes a unit to the first later wave where its
 * team has room, never earlier than its dependencies allow. Applications are scheduled
 * before infrastructure, whose first wave is the one after the last application wave.
 */
import { NodeHeap } from "./graph";
import type { UnitGraph } from "./slice-graph";

export type ScheduleInput = {
  units: UnitGraph;
  /** Team index of each slice, -1 when it has none (not capacity-limited). */
  sliceTeam: Int32Array;
  /** Pinned wave of each slice, 0 when not pinned. */
  slicePin: Int32Array;
  /** Slices per team per wave; 0 means no limit. */
  capacity: number;
};

export type Schedule = {
  sliceWave: Int32Array;
  unitWave: Int32Array;
  /** The wave the order alone allows (before capacity). */
  unitEarliest: Int32Array;
  /** The team whose capacity pushed a unit past its earliest wave, or -1. */
  unitFullTeam: Int32Array;
  /** The last wave holding an application unit: infrastructure starts after it. */
  barrier: number;
  /** (team, wave, count) where pins alone exceed capacity. */
  overfullPins: { team: number; wave: number; count: number }[];
  /** Units with more slices of one team than the capacity: they go alone into a wave. */
  oversizedUnits: { unit: number; team: number }[];
};

/** Per-team wave load with "next wave with room" pointers (union-find, path-compressed). */
class TeamLoad {
  private readonly used = new Map<number, number>();
  private readonly next = new Map<number, number>();

  constructor(
    readonly capacity: number,
    private readonly stride: number,
  ) {}

  count(team: number, wave: number): number {
    return this.used.get(team * this.stride + wave) ?? 0;
  }

  add(team: number, wave: number, slices: number): void {
    const key = team * this.stride + wave;
    const used = (this.used.get(key) ?? 0) + slices;
    this.used.set(key, used);
    if (used >= this.capacity) this.next.set(key, key + 1);
  }

  /** The first wave >= `wave` where the team has room for one more slice. */
  firstOpen(team: number, wave: number): number {
    const start = team * this.stride + wave;
    let root = start;
    for (let hop = this.next.get(root); hop !== undefined; hop = this.next.get(root)) root = hop;
    for (let key = start; key !== root; ) {
      const hop = this.next.get(key)!;
      this.next.set(key, root);
      key = hop;
    }
    return root - team * this.stride;
  }

  /** The first wave >= `wave` where the team can take `slices` at once (or is empty, if they never fit). */
  firstFit(team: number, wave: number, slices: number): number {
    let w = this.firstOpen(team, wave);
    while (slices > 1 && this.count(team, w) > 0 && this.count(team, w) + slices > this.capacity) w = this.firstOpen(team, w + 1);
    return w;
  }
}

/** Slices of a unit per team (teamless slices are not limited). */
function teamNeeds(units: UnitGraph, sliceTeam: Int32Array, unit: number, skipPinned: Int32Array | null): Map<number, number> {
  const needs = new Map<number, number>();
  for (let i = units.unitSlices.offsets[unit]; i < units.unitSlices.offsets[unit + 1]; i++) {
    const s = units.unitSlices.targets[i];
    if (sliceTeam[s] < 0 || (skipPinned && skipPinned[s] > 0)) continue;
    needs.set(sliceTeam[s], (needs.get(sliceTeam[s]) ?? 0) + 1);
  }
  return needs;
}

/** Schedule every unit; see the module comment for the rules. */
export function schedule(input: ScheduleInput): Schedule {
  const { units, sliceTeam, slicePin, capacity } = input;
  const n = units.count;
  const { offsets, targets } = units.order;
  const slices = units.unitSlices;
  const unitPin = new Int32Array(n);
  const unpinnedCount = new Int32Array(n);
  let maxPin = 0;
  for (let s = 0; s < slicePin.length; s++) {
    const u = units.sliceUnit[s];
    if (slicePin[s] > 0) unitPin[u] = Math.max(unitPin[u], slicePin[s]);
    else unpinnedCount[u]++;
    maxPin = Math.max(maxPin, slicePin[s]);
  }
  const load = capacity > 0 ? new TeamLoad(capacity, maxPin + n + 2) : null;
  const overfullPins: Schedule["overfullPins"] = [];
  const oversizedUnits: Schedule["oversizedUnits"] = [];
  if (load) reservePins(load, sliceTeam, slicePin, overfullPins);

  const indegree = new Int32Array(n);
  for (let e = 0; e < targets.length; e++) indegree[targets[e]]++;
  const earliest = new Int32Array(n).fill(1);
  const unitWave = new Int32Array(n);
  const sliceWave = new Int32Array(slicePin.length);
  const unitFullTeam = new Int32Array(n).fill(-1);
  // Heap order: earliest wave, then the longer chain ahead (it gets capacity first), then name.
  // Packed into one number when a unit is pushed, since its key no longer changes after that.
  const key = new Float64Array(n);
  const heap = new NodeHeap(n, (a, b) => key[a] < key[b]);
  let stage = 1;

  const fitUnpinned = (u: number): number => {
    if (!load) return earliest[u];
    const needs = teamNeeds(units, sliceTeam, u, null);
    let wave = earliest[u];
    // Raise the wave until every team of the unit has room in it; each raise only moves forward.
    for (let settled = false; !settled; ) {
      settled = true;
      for (const [team, need] of needs) {
        const fit = load.firstFit(team, wave, need);
        if (fit === wave) continue;
        if (unitFullTeam[u] === -1) unitFullTeam[u] = team;
        wave = fit;
        settled = false;
      }
    }
    for (const [team, need] of needs) {
      if (need > capacity) oversizedUnits.push({ unit: u, team });
      load.add(team, wave, need);
    }
    return wave;
  };

  const placePinned = (u: number): number => {
    // A pinned unit ignores its dependencies (the pin wins and is reported); unpinned slices
    // sharing its unit move with its latest pin. Their load is added without pushing them.
    const wave = unpinnedCount[u] > 0 ? Math.max(earliest[u], unitPin[u]) : unitPin[u];
    if (load && unpinnedCount[u] > 0) for (const [team, need] of teamNeeds(units, sliceTeam, u, slicePin)) load.add(team, wave, need);
    return wave;
  };

  const place = (u: number): void => {
    const wave = unitPin[u] > 0 ? placePinned(u) : fitUnpinned(u);
    unitWave[u] = wave;
    for (let i = slices.offsets[u]; i < slices.offsets[u + 1]; i++) {
      const s = slices.targets[i];
      sliceWave[s] = slicePin[s] > 0 ? slicePin[s] : wave;
    }
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (wave + 1 > earliest[v]) earliest[v] = wave + 1;
      // Infrastructure waits for stage 2, when the last application wave is known. An
      // application that follows infrastructure (bundled into its slice) is released then too,
      // since its predecessor is only placed in stage 2.
      if (--indegree[v] === 0 && (stage === 2 || !units.hasInfra[v])) enqueue(v);
    }
  };

  let barrier = 0;
  const enqueue = (u: number): void => {
    if (units.hasInfra[u] && earliest[u] <= barrier) earliest[u] = barrier + 1;
    key[u] = (earliest[u] * (n + 1) + (n - units.tail[u])) * (n + 1) + units.rank[u];
    heap.push(u);
  };
  const drain = (): void => {
    while (heap.length > 0) place(heap.pop());
  };

  for (let u = 0; u < n; u++) if (indegree[u] === 0 && !units.hasInfra[u]) enqueue(u);
  drain();
  // Units still unplaced have wave 0 here, so only stage-1 applications count.
  for (let u = 0; u < n; u++) if (!units.hasInfra[u] && units.hasServices[u]) barrier = Math.max(barrier, unitWave[u]);
  stage = 2;
  for (let u = 0; u < n; u++) if (indegree[u] === 0 && units.hasInfra[u]) enqueue(u);
  drain();
  return { sliceWave, unitWave, unitEarliest: earliest, unitFullTeam, barrier, overfullPins, oversizedUnits };
}

/** Pinned slices take their places first so that nothing unpinned can crowd them out. */
function reservePins(load: TeamLoad, sliceTeam: Int32Array, slicePin: Int32Array, overfull: Schedule["overfullPins"]): void {
  const seen = new Set<string>();
  for (let s = 0; s < slicePin.length; s++) {
    if (slicePin[s] === 0 || sliceTeam[s] < 0) continue;
    load.add(sliceTeam[s], slicePin[s], 1);
  }
  for (let s = 0; s < slicePin.length; s++) {
    const team = sliceTeam[s];
    const wave = slicePin[s];
    if (wave === 0 || team < 0 || seen.has(`${team}:${wave}`)) continue;
    seen.add(`${team}:${wave}`);
    const count = load.count(team, wave);
    if (count > load.capacity) overfull.push({ team, wave, count });
  }
}
