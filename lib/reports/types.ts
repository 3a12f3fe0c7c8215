/**
 * The shape of the weekly stakeholder report and of the overview's history: what the pure
 * report core (lib/reports/) computes, and what every export (JSON, Markdown, CSV, PDF) and
 * page renders. Pure types; no framework. Instants are UTC ISO 8601 strings and days are
 * YYYY-MM-DD, so the JSON export is the object itself and byte-identical when re-issued.
 */
import type { ServiceKind } from "@/lib/generated/prisma/enums";
import type { SLICE_STATUSES, Stage } from "@/lib/slices/stages";
import type { FACILITY_STATUSES } from "@/lib/facilities/schemas";

export type SliceStatus = (typeof SLICE_STATUSES)[number];
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** An ISO week as users spell it: "2026-W47". */
export type WeekKey = `${number}-W${string}`;

/** A week in the programme's time zone: [start, end) as UTC instants. */
export type WeekRange = { week: WeekKey; start: string; end: string; timeZone: string };

/** A figure this week beside the same figure at the end of the previous week. */
export type Change<T = number> = { value: T; previous: T };

/** A slice as it stood at one instant, rebuilt from the current state and the events. */
export type SliceState = {
  id: string;
  name: string;
  team: string;
  wave: number | null;
  stage: Stage;
  status: SliceStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  services: string[];
  /** Checklist items by state at that instant. */
  checklist: { open: number; done: number; na: number; total: number };
  /** Open items that gate a stage the slice has yet to enter. */
  openGateItems: number;
  rollbacks: number;
  /** The instant of the slice's last stage, status or tick event at or before that instant. */
  lastProgressAt: string | null;
};

/** The programme as it stood at one instant. */
export type ProgrammeState = {
  at: string;
  slices: SliceState[];
  /** Every service at that instant, with its slice (by id) and its peak requests per second. */
  services: { id: string; name: string; team: string | null; sliceId: string | null; peakRps: number | null; kind: ServiceKind; shared: boolean }[];
  /** `from` depends on `to`, by service name, in no particular order. */
  dependencies: { from: string; to: string }[];
  waves: { number: number; name: string | null; plannedStart: string | null; plannedEnd: string | null; facilities: string[] }[];
  facilities: { key: string; name: string; status: FacilityStatus; ownerTeam: string | null }[];
};

export type Headline = {
  slicesTotal: Change;
  /** Live or done. */
  slicesFinished: Change;
  slicesDone: Change;
  servicesTotal: Change;
  servicesMigrated: Change;
  /** Share of peak traffic served from Kubernetes, 0..1; null when no peak is recorded. */
  trafficShare: Change<number | null>;
};

export type StageChange = { at: string; sliceId: string; slice: string; team: string; from: Stage; to: Stage; kind: "advance" | "skip" };
export type Completion = { at: string; sliceId: string; slice: string; team: string; status: "live" | "done" };
export type Rollback = { at: string; sliceId: string; slice: string; team: string; from: Stage; to: Stage; reason: string; signal: string | null; observed: string | null };

export type AttentionReason =
  | { kind: "blocked"; waitingOn: { slice: string; team: string }[] }
  | { kind: "planned_end_passed"; plannedEnd: string }
  | { kind: "no_progress"; days: number }
  | { kind: "rolled_back_twice"; rollbacks: number }
  | { kind: "gate_open_past_wave_start"; openGateItems: number; waveStart: string };

export type AttentionSlice = {
  sliceId: string;
  slice: string;
  team: string;
  wave: number | null;
  status: SliceStatus;
  stage: Stage;
  reasons: AttentionReason[];
  /** Not on the list at the end of the previous week. */
  isNew: boolean;
};

export type PlannedMove = { sliceId: string; slice: string; team: string; wave: number | null; stage: Stage; nextStage: Stage | null; plannedStart: string | null; plannedEnd: string | null };

export type WaveLine = { number: number; label: string; plannedStart: string | null; plannedEnd: string | null; slices: number; finished: Change; done: number };

export type FacilityLine = { key: string; name: string; status: FacilityStatus; previous: FacilityStatus | null; ownerTeam: string | null; requiredByWaves: number[] };

export type ScopeChange = { servicesAdded: string[]; servicesRemoved: string[]; slicesAdded: string[]; slicesRemoved: string[] };

/** One point per week for the burn-up chart: scope and the two finish lines at the week's end. */
export type BurnUpPoint = { week: WeekKey; end: string; scope: number; live: number; done: number };

export type ForecastPercentiles = { p50: string; p85: string; p95: string };

/** A Monte Carlo forecast of when every slice reaches one finish line. */
export type Forecast =
  | { status: "finished"; target: "live" | "done"; finishedBy: string }
  | { status: "insufficient_history"; target: "live" | "done"; weeksOfHistory: number; weeksNeeded: number }
  /** No finish in the horizon in too many trials: the pace is (nearly) zero. */
  | { status: "no_pace"; target: "live" | "done"; remaining: number; weeksSampled: number }
  | {
      status: "forecast";
      target: "live" | "done";
      remaining: number;
      weeksSampled: number;
      /** Throughput per week over the sampled weeks, oldest first (zero weeks included). */
      throughput: number[];
      trials: number;
      seed: number;
      dates: ForecastPercentiles;
      /** 0..1 chance of finishing by the programme's target date; null without a target. */
      chanceByTarget: number | null;
    };

export type ReportNotes = { notes: string; asks: string; author: string | null; updatedAt: string | null };

export type Correction = { field: string; issued: string; now: string };

/** The weekly stakeholder report for one programme and one ISO week. */
export type WeeklyReport = {
  programme: { slug: string; name: string; targetDate: string | null; timeZone: string };
  range: WeekRange;
  /** Why there is nothing to report, when there is not: before the first event, or a future week. */
  empty: null | "before_programme" | "future_week";
  headline: Headline;
  moved: { stageChanges: StageChange[]; completions: Completion[]; rollbacks: Rollback[] };
  attention: AttentionSlice[];
  nextWeek: PlannedMove[];
  waves: WaveLine[];
  facilities: FacilityLine[];
  scope: ScopeChange;
  forecast: { live: Forecast; done: Forecast };
  burnUp: BurnUpPoint[];
  notes: ReportNotes;
  /** Set when the week was closed: its report is the one stored then. */
  closed: null | { closedAt: string; closedBy: string | null; corrections: Correction[] };
  /** Corrections to earlier closed weeks, found since they were closed, shown in this week's report. */
  corrections: { week: WeekKey; changes: Correction[] }[];
  /** Events the catalogue could not read (an old shape, an unknown action): left out of the figures, counted here. */
  skippedEvents?: number;
  /** Every slice as it stood at the end of the week (the CSV's rows), so a closed week's CSV reads as issued too. */
  slices?: SliceState[];
};
