/**
 * The report's sections, each from one or two reconstructed states (the end of the week and
 * the end of the week before) and the week's events. The progress rules are the overview's
 * (summariseOverview: what is migrated, how traffic share is weighted) and the blocking rule
 * is the planner's (blockedSlices): a report never counts differently from the live pages.
 */
import { blockedSlices } from "@/lib/planning";
import { summariseOverview, isFinished } from "@/lib/overview/summary";
import { STAGES, stageIndex } from "@/lib/slices/stages";
import type { HistoryEvent } from "./history";
import type {
  AttentionReason,
  AttentionSlice,
  Change,
  Completion,
  FacilityLine,
  Headline,
  PlannedMove,
  ProgrammeState,
  Rollback,
  ScopeChange,
  SliceState,
  StageChange,
  WaveLine,
} from "./types";

const DAY = 86_400_000;
/** A slice in progress with nothing recorded for this long is at risk: two weeks is one missed weekly check-in and then some. */
export const NO_PROGRESS_DAYS = 14;
/** Rolled back this often and not finished: the slice needs help, not another try. */
export const ROLLBACKS_AT_RISK = 2;

// A report reads each state's figures twice (headline, waves); a state is never changed once taken.
const figures = new WeakMap<ProgrammeState, ReturnType<typeof summariseOverview>>();

/** The overview's figures for a state, through the overview's own rules. */
export function figuresOf(state: ProgrammeState) {
  let overview = figures.get(state);
  if (!overview) figures.set(state, (overview = summarise(state)));
  return overview;
}

function summarise(state: ProgrammeState) {
  const load = new Map<string | null, { services: number; peakRps: number }>();
  for (const svc of state.services) {
    const l = load.get(svc.sliceId) ?? { services: 0, peakRps: 0 };
    l.services++;
    l.peakRps += svc.peakRps ?? 0;
    load.set(svc.sliceId, l);
  }
  const overview = summariseOverview({
    slices: state.slices.map((s) => ({ id: s.id, status: s.status, stage: s.stage, waveId: s.wave === null ? null : String(s.wave) })),
    sliceLoad: [...load].map(([sliceId, l]) => ({ sliceId, ...l })),
    waves: state.waves.map((w) => ({ id: String(w.number), number: w.number, name: w.name, goal: null, plannedStart: null, plannedEnd: null })),
  });
  return overview;
}

const change = <T>(value: T, previous: T): Change<T> => ({ value, previous });

/** The headline figures at the end of the week beside those at the end of the week before. */
export function headlineOf(end: ProgrammeState, previous: ProgrammeState): Headline {
  const a = figuresOf(end);
  const b = figuresOf(previous);
  return {
    slicesTotal: change(a.slices.total, b.slices.total),
    slicesFinished: change(a.slices.finished, b.slices.finished),
    slicesDone: change(a.slices.byStatus.done, b.slices.byStatus.done),
    servicesTotal: change(a.services.total, b.services.total),
    servicesMigrated: change(a.services.migrated, b.services.migrated),
    trafficShare: change(round4(a.trafficShare), round4(b.trafficShare)),
  };
}

// Four decimals: a share shown as a percentage with one decimal, and the same float text everywhere.
const round4 = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

type Named = { name: string; team: string };

/** Stage changes, completions and rollbacks recorded in [start, end). */
export function movedIn(events: readonly HistoryEvent[], start: number, end: number, names: (sliceId: string) => Named): { stageChanges: StageChange[]; completions: Completion[]; rollbacks: Rollback[] } {
  const stageChanges: StageChange[] = [];
  const completions: Completion[] = [];
  const rollbacks: Rollback[] = [];
  for (const e of events) {
    if (e.at < start || e.at >= end) continue;
    if (e.action !== "slice.stage_moved" && e.action !== "slice.rolled_back" && e.action !== "slice.status_changed") continue;
    const at = new Date(e.at).toISOString();
    const { name: slice, team } = names(e.entityId);
    const base = { at, sliceId: e.entityId, slice, team };
    if (e.action === "slice.stage_moved") stageChanges.push({ ...base, from: e.before.stage, to: e.after.stage, kind: e.after.kind });
    if (e.action === "slice.rolled_back") rollbacks.push({ ...base, from: e.before.stage, to: e.after.stage, reason: e.after.reason, signal: e.after.signal ?? null, observed: e.after.observed ?? null });
    // A finish line reached: live from anything not yet finished, done from anything not done.
    // A done slice reopened to live has reached nothing new.
    const to = e.after.status;
    if ((to === "live" && !isFinished(e.before.status)) || (to === "done" && e.before.status !== "done")) completions.push({ ...base, status: to });
  }
  return { stageChanges, completions, rollbacks };
}

/** Why each unfinished slice needs attention at the state's instant (`day`: that instant's date in the programme). */
export function attentionAt(state: ProgrammeState, day: string): Map<string, { slice: SliceState; reasons: AttentionReason[] }> {
  const at = Date.parse(state.at);
  const waves = new Map(state.waves.map((w) => [w.number, w]));
  const blocking = blockedSlices({
    // Names are unique at any instant, and the state's dependencies are by name.
    services: state.services.map((s) => ({ id: s.name, name: s.name, kind: s.kind, shared: s.shared, team: s.team, sliceId: s.sliceId })),
    dependencies: state.dependencies,
    slices: state.slices.map((s) => ({ id: s.id, name: s.name, team: s.team, serviceIds: s.services, wave: s.wave, status: s.status })),
  });
  const waits = new Map(blocking.blocked.map((b) => [b.id, b.waitsOn]));
  const out = new Map<string, { slice: SliceState; reasons: AttentionReason[] }>();
  for (const s of state.slices) {
    if (isFinished(s.status)) continue;
    const wave = s.wave === null ? undefined : waves.get(s.wave);
    const reasons: AttentionReason[] = [];
    const waitsOn = waits.get(s.id);
    if (waitsOn?.length) reasons.push({ kind: "blocked", waitingOn: waitsOn.map((w) => ({ slice: w.name, team: w.team ?? "" })) });
    const plannedEnd = s.plannedEnd ?? wave?.plannedEnd ?? null;
    if (plannedEnd && plannedEnd < day) reasons.push({ kind: "planned_end_passed", plannedEnd });
    if (s.status !== "planned" && s.lastProgressAt) {
      const days = Math.floor((at - Date.parse(s.lastProgressAt)) / DAY);
      if (days >= NO_PROGRESS_DAYS) reasons.push({ kind: "no_progress", days });
    }
    if (s.rollbacks >= ROLLBACKS_AT_RISK) reasons.push({ kind: "rolled_back_twice", rollbacks: s.rollbacks });
    const waveStart = wave?.plannedStart ?? null;
    if (waveStart && waveStart <= day && s.openGateItems > 0) reasons.push({ kind: "gate_open_past_wave_start", openGateItems: s.openGateItems, waveStart });
    if (reasons.length) out.set(s.id, { slice: s, reasons });
  }
  return out;
}

/** The attention list at the end of the week, each marked new when it was not on the list a week before. */
export function attentionList(end: ProgrammeState, endDay: string, previous: ProgrammeState, previousDay: string): AttentionSlice[] {
  const before = attentionAt(previous, previousDay);
  return [...attentionAt(end, endDay).values()]
    .map(({ slice: s, reasons }) => ({ sliceId: s.id, slice: s.name, team: s.team, wave: s.wave, status: s.status, stage: s.stage, reasons, isNew: !before.has(s.id) }))
    .sort((a, b) => (a.wave ?? Infinity) - (b.wave ?? Infinity) || byText(a.slice, b.slice));
}

/** Unfinished slices planned to start or finish in [firstDay, lastDay], with the stage they would move to next. */
export function plannedMoves(state: ProgrammeState, firstDay: string, lastDay: string): PlannedMove[] {
  const waves = new Map(state.waves.map((w) => [w.number, w]));
  const within = (d: string | null) => d !== null && d >= firstDay && d <= lastDay;
  return state.slices
    .filter((s) => !isFinished(s.status))
    .map((s) => {
      const wave = s.wave === null ? undefined : waves.get(s.wave);
      return { s, plannedStart: s.plannedStart ?? wave?.plannedStart ?? null, plannedEnd: s.plannedEnd ?? wave?.plannedEnd ?? null };
    })
    .filter(({ plannedStart, plannedEnd }) => within(plannedStart) || within(plannedEnd))
    .map(({ s, plannedStart, plannedEnd }) => {
      const i = stageIndex(s.stage);
      return { sliceId: s.id, slice: s.name, team: s.team, wave: s.wave, stage: s.stage, nextStage: i < STAGES.length - 1 ? STAGES[i + 1] : null, plannedStart, plannedEnd };
    })
    .sort((a, b) => byText(a.plannedEnd ?? "9999", b.plannedEnd ?? "9999") || byText(a.slice, b.slice));
}

/** Progress per wave at the end of the week, finished slices beside the week before. */
export function waveLines(end: ProgrammeState, previous: ProgrammeState): WaveLine[] {
  const before = new Map(figuresOf(previous).waves.map((w) => [w.number, w.finished]));
  const dates = new Map(end.waves.map((w) => [w.number, w]));
  return figuresOf(end).waves.map((w) => ({
    number: w.number,
    label: w.label,
    plannedStart: dates.get(w.number)?.plannedStart ?? null,
    plannedEnd: dates.get(w.number)?.plannedEnd ?? null,
    slices: w.slices,
    finished: change(w.finished, before.get(w.number) ?? 0),
    done: w.byStatus.done ?? 0,
  }));
}

/** Platform facilities at the end of the week, each with its status a week before and the waves that need it. */
export function facilityLines(end: ProgrammeState, previous: ProgrammeState): FacilityLine[] {
  const before = new Map(previous.facilities.map((f) => [f.key, f.status]));
  return end.facilities.map((f) => ({
    key: f.key,
    name: f.name,
    status: f.status,
    previous: before.get(f.key) ?? null,
    ownerTeam: f.ownerTeam,
    requiredByWaves: end.waves.filter((w) => w.facilities.includes(f.key)).map((w) => w.number),
  }));
}

/** Services and slices that exist at one instant and not the other. */
export function scopeChange(start: ProgrammeState, end: ProgrammeState): ScopeChange {
  const diff = <T extends { id: string; name: string }>(a: T[], b: T[]) => {
    const ids = new Set(a.map((x) => x.id));
    return b.filter((x) => !ids.has(x.id)).map((x) => x.name).sort(byText);
  };
  return { servicesAdded: diff(start.services, end.services), servicesRemoved: diff(end.services, start.services), slicesAdded: diff(start.slices, end.slices), slicesRemoved: diff(end.slices, start.slices) };
}

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
