/**
 * The programme as it stood at any instant, rebuilt backwards: start from the current state
 * and undo, newest first, every event at or after the instant, using each event's `before`.
 * Backwards because the current rows are the one state known to be complete (a programme
 * seeded or imported has rows no event created); walking forward from nothing would need
 * every row to have its creation event. See docs/adr/0033-reports-from-events.md.
 */
import { SLICE_STATUSES, STAGES, stageIndex } from "@/lib/slices/stages";
import type { CurrentState, HistoryEvent } from "./history";
import { edgeKey, WalkState } from "./walk-state";
import type { ProgrammeState, SliceState } from "./types";


/**
 * The code's own string for a stage, status or item state read from the database. A string
 * a driver read is compared with a literal character by character, the literal itself by
 * identity, and the walk compares statuses once per slice per week of the burn-up.
 */
const LITERALS = new Map<string, string>([...STAGES, ...SLICE_STATUSES, "open", "done", "na"].map((v) => [v, v]));
const literal = <T extends string>(value: T): T => (LITERALS.get(value) as T | undefined) ?? value;

/** Finish counts at one instant, for the burn-up: cheaper than a whole state. */
export type Counts = { scope: number; live: number; done: number };

const lastBefore = (times: number[] | undefined, at: number): number => {
  if (!times) return -1;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
};

/**
 * Walks the programme back in time. `rewindTo(t)` undoes every event at or after `t`, so the
 * state is the programme as it stood just before `t` (a week's end is the next Monday 00:00,
 * exclusive). It only goes backwards: ask for instants newest first, or make another walker.
 */
export class Walker extends WalkState {
  private readonly teamName: Map<string, string>;
  private readonly progress = new Map<string, number[]>();
  private readonly rollbackTimes = new Map<string, number[]>();
  private cursor: number;
  at: number;

  constructor(current: CurrentState, private readonly events: readonly HistoryEvent[]) {
    super();
    this.at = Math.max(current.at, events.length ? events[events.length - 1].at + 1 : 0);
    this.cursor = events.length;
    this.teamName = new Map(current.teams.map((t) => [t.id, t.name]));
    for (const s of current.slices) this.slices.set(s.id, { ...s, stage: literal(s.stage), status: literal(s.status), counts: { open: 0, done: 0, na: 0 }, gateOpen: STAGES.map(() => 0) });
    for (const group of current.checklist) {
      const slice = this.slices.get(group.sliceId);
      if (!slice) continue;
      const state = literal(group.state);
      slice.counts[state] += group.count;
      if (group.gateStage !== null && state === "open") slice.gateOpen[stageIndex(literal(group.gateStage))] += group.count;
    }
    for (const s of current.services) this.putService({ ...s });
    for (const s of this.slices.values()) this.tally(s.status, 1);
    this.baseEdges = current.dependencies;
    for (const w of current.waves) this.waves.set(w.id, { ...w, facilities: [...w.facilities] });
    for (const f of current.facilities) this.facilities.set(f.id, { ...f });
    // Rollback counts and last progress depend on what came before an instant, not after: one forward pass.
    const push = (map: Map<string, number[]>, id: string, at: number) => {
      const list = map.get(id);
      if (list) list.push(at);
      else map.set(id, [at]);
    };
    for (const e of events) {
      if (e.action === "slice.stage_moved" || e.action === "slice.status_changed") push(this.progress, e.entityId, e.at);
      else if (e.action === "slice.rolled_back") {
        push(this.progress, e.entityId, e.at);
        push(this.rollbackTimes, e.entityId, e.at);
      } else if (e.action === "checklist_item.ticked") push(this.progress, e.after.sliceId, e.at);
    }
  }

  /** Undoes every event at or after `at`. */
  rewindTo(at: number): this {
    while (this.cursor > 0 && this.events[this.cursor - 1].at >= at) this.undo(this.events[--this.cursor]);
    this.at = Math.min(this.at, at);
    return this;
  }

  /** Slices, live or done, and done at the current instant. */
  counts(): Counts {
    return { scope: this.slices.size, live: this.finished.live, done: this.finished.done };
  }

  /** Whether any slice or service exists at the current instant. */
  isEmpty(): boolean {
    return this.slices.size === 0 && this.services.size === 0;
  }

  /** The whole state at the current instant, sorted so that it serialises the same every time. */
  snapshot(): ProgrammeState {
    const at = this.at;
    const servicesOf = new Map<string, string[]>();
    for (const svc of this.services.values()) {
      if (svc.sliceId === null) continue;
      const list = servicesOf.get(svc.sliceId);
      if (list) list.push(svc.name);
      else servicesOf.set(svc.sliceId, [svc.name]);
    }
    const slices = [...this.slices.values()].map((s): SliceState => {
      const open = Math.max(0, s.counts.open);
      const done = Math.max(0, s.counts.done);
      const na = Math.max(0, s.counts.na);
      const progressed = this.progress.get(s.id);
      const last = lastBefore(progressed, at);
      const current = stageIndex(s.stage);
      return {
        id: s.id,
        name: s.name,
        team: s.team,
        wave: s.wave,
        stage: s.stage,
        status: s.status,
        plannedStart: s.plannedStart,
        plannedEnd: s.plannedEnd,
        services: (servicesOf.get(s.id) ?? []).sort(byText),
        checklist: { open, done, na, total: open + done + na },
        openGateItems: s.gateOpen.reduce((sum, n, g) => (g > current ? sum + Math.max(0, n) : sum), 0),
        rollbacks: lastBefore(this.rollbackTimes.get(s.id), at) + 1,
        lastProgressAt: last >= 0 ? new Date(progressed![last]).toISOString() : null,
      };
    });
    const dependencies: ProgrammeState["dependencies"] = [];
    const add = (from: string, to: string) => {
      const a = this.services.get(from);
      const b = this.services.get(to);
      if (a && b) dependencies.push({ from: a.name, to: b.name });
    };
    const changed = this.edgeChanges;
    for (const d of this.baseEdges) if (changed.size === 0 || !changed.has(edgeKey(d.from, d.to))) add(d.from, d.to);
    for (const pair of changed.values()) if (pair) add(pair[0], pair[1]);
    return {
      at: new Date(at).toISOString(),
      slices: slices.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)),
      services: [...this.services.values()].map((s) => ({ ...s })).sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)),
      // Unsorted: 15,000 pairs on the large programme, and every reader (the planner's blocking) orders what it reports.
      dependencies,
      waves: [...this.waves.values()].map(({ id: _id, ...w }) => ({ ...w, facilities: [...w.facilities].sort(byText) })).sort((a, b) => a.number - b.number),
      facilities: [...this.facilities.values()]
        .map((f) => ({ key: f.key, name: f.name, status: f.status, ownerTeam: f.ownerTeamId ? (this.teamName.get(f.ownerTeamId) ?? null) : null }))
        .sort((a, b) => byText(a.key, b.key)),
    };
  }

}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The programme as it stood just before `at`. */
export function stateAt(current: CurrentState, events: readonly HistoryEvent[], at: number): ProgrammeState {
  return new Walker(current, events).rewindTo(at).snapshot();
}
