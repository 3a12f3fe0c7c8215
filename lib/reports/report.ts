/**
 * The weekly stakeholder report, and the overview's "now", built from the current state and
 * the event history alone: the same inputs give the same report, byte for byte, so a past
 * week re-issues exactly as it was (ADR 0033).
 */
import { forecast } from "./forecast";
import type { CurrentState, History } from "./history";
import { Walker, type Counts } from "./reconstruct";
import { attentionList, facilityLines, headlineOf, movedIn, NO_PROGRESS_DAYS, plannedMoves, scopeChange, waveLines } from "./sections";
import type { BurnUpPoint, Forecast, Headline, ProgrammeState, ReportNotes, WeekKey, WeeklyReport } from "./types";
import { addWeeks, dayAt, formatDay, lastDayOf, mondayOf, parseWeek, weekAt, weekBounds, weekRange, weeksBetween } from "./weeks";

export type ReportProgramme = { id: string; slug: string; name: string; targetDate: string | null; timeZone: string };

export type ReportInput = {
  programme: ReportProgramme;
  /** The clock: a week that starts after it is a future week; the current week is reported as of it. */
  now: number;
  /** The programme's first event (its creation when it has none): weeks that end before it are empty. */
  startedAt: number;
  current: CurrentState;
  history: History;
};

/** The core every report and the overview share: states at the end of the week and of the week before, the burn-up, the forecasts. */
type Core = { end: ProgrammeState; previous: ProgrammeState; asOf: number; start: number; burnUp: BurnUpPoint[]; forecast: { live: Forecast; done: Forecast }; orphans: number };

/**
 * From when a week's report needs every detail event: the week before it ends, less the days
 * "no progress" looks back over, so whether a slice made progress in that span is exact at both
 * states. A tick older than that is not read: a slice whose last progress was such a tick has
 * its last progress taken from its last stage or status change, so its "no progress" days can
 * read longer than they were (the slice is at risk either way).
 */
export function detailSinceFor(week: WeekKey, timeZone: string): number {
  return weekBounds(week, timeZone).start - NO_PROGRESS_DAYS * 86_400_000;
}

function computeCore(input: ReportInput, week: WeekKey): Core {
  const tz = input.programme.timeZone;
  const { start, end } = weekBounds(week, tz);
  // A caller that loaded details from later than this would get wrong states, silently: refuse.
  if (input.history.detailSince > detailSinceFor(week, tz)) throw new Error(`The history holds details from ${new Date(input.history.detailSince).toISOString()} only; ${week} needs them from ${new Date(detailSinceFor(week, tz)).toISOString()}.`);
  const asOf = Math.min(end, input.now);
  const walker = new Walker(input.current, input.history.events).rewindTo(asOf);
  const endState = walker.snapshot();
  const points: { week: WeekKey; at: number; counts: Counts }[] = [{ week, at: asOf, counts: walker.counts() }];
  const previous = walker.rewindTo(start).snapshot();
  const firstWeek = weekAt(input.startedAt, tz);
  // Week ends newest first, down to the first week, then the first week's start as the baseline.
  let w = week;
  let at = start;
  for (let n = weeksBetween(firstWeek, week); n > 0; n--) {
    w = addWeeks(w, -1);
    points.push({ week: w, at, counts: walker.rewindTo(at).counts() });
    at = weekBounds(w, tz).start;
  }
  const baseline = walker.rewindTo(at).counts();
  points.reverse();
  const burnUp = points.map((p) => ({ week: p.week, end: new Date(p.at).toISOString(), ...p.counts }));

  // Only weeks that have ended are sampled: the current week's first days would read as a slow week.
  const complete = asOf === end ? points : points.slice(0, -1);
  const baseWeek = complete.length ? complete[complete.length - 1].week : addWeeks(week, -1);
  const throughput = (line: "live" | "done") => complete.map((p, i) => Math.max(0, p.counts[line] - (i === 0 ? baseline[line] : complete[i - 1].counts[line])));
  const last = points[points.length - 1].counts;
  const finishedBy = (line: "live" | "done") => {
    let i = points.length;
    while (i > 0 && points[i - 1].counts.scope > 0 && points[i - 1].counts[line] >= points[i - 1].counts.scope) i--;
    if (i === points.length) return null;
    return points[i].at === asOf && asOf !== end ? dayAt(asOf - 1, tz) : lastDayOf(points[i].week);
  };
  const run = (line: "live" | "done") =>
    forecast({ target: line, remaining: last.scope - last[line], scope: last.scope, throughput: throughput(line), baseWeek, targetDate: input.programme.targetDate, seedKey: forecastSeedKey(input), finishedBy: finishedBy(line) });
  return { end: endState, previous, asOf, start, burnUp, forecast: { live: run("live"), done: run("done") }, orphans: walker.orphans };
}

const zero = { value: 0, previous: 0 };
const emptyHeadline: Headline = { slicesTotal: zero, slicesFinished: zero, slicesDone: zero, servicesTotal: zero, servicesMigrated: zero, trafficShare: { value: null, previous: null } };

/** Whether a week has anything to report: null, or why not. */
export function emptyReason(input: Pick<ReportInput, "programme" | "now" | "startedAt">, week: WeekKey): WeeklyReport["empty"] {
  const { start, end } = weekBounds(week, input.programme.timeZone);
  if (start > input.now) return "future_week";
  if (end <= input.startedAt) return "before_programme";
  return null;
}

const programmeOf = (p: ReportProgramme): WeeklyReport["programme"] => ({ slug: p.slug, name: p.name, targetDate: p.targetDate, timeZone: p.timeZone });

/** The report of one ISO week; notes, closing and corrections are the caller's to fill in. */
export function buildWeeklyReport(input: ReportInput, week: WeekKey, notes: ReportNotes): WeeklyReport {
  parseWeek(week);
  const tz = input.programme.timeZone;
  const range = weekRange(week, tz);
  const empty = emptyReason(input, week);
  if (empty) {
    const none: Forecast = { status: "insufficient_history", target: "live", weeksOfHistory: 0, weeksNeeded: 3 };
    return {
      programme: programmeOf(input.programme),
      range,
      empty,
      headline: emptyHeadline,
      moved: { stageChanges: [], completions: [], rollbacks: [] },
      attention: [],
      nextWeek: [],
      waves: [],
      facilities: [],
      scope: { servicesAdded: [], servicesRemoved: [], slicesAdded: [], slicesRemoved: [] },
      forecast: { live: none, done: { ...none, target: "done" } },
      burnUp: [],
      notes,
      closed: null,
      corrections: [],
      skippedEvents: input.history.skipped,
      slices: [],
    };
  }
  const core = computeCore(input, week);
  const endDay = dayAt(core.asOf - 1, tz);
  const previousDay = dayAt(core.start - 1, tz);
  const endSlices = new Map(core.end.slices.map((s) => [s.id, s]));
  const startSlices = new Map(core.previous.slices.map((s) => [s.id, s]));
  const names = (id: string) => endSlices.get(id) ?? startSlices.get(id) ?? { name: id, team: "" };
  const next = parseWeek(addWeeks(week, 1));
  return {
    programme: programmeOf(input.programme),
    range,
    empty: null,
    headline: headlineOf(core.end, core.previous),
    moved: movedIn(input.history.events, core.start, core.asOf, names),
    attention: attentionList(core.end, endDay, core.previous, previousDay),
    nextWeek: plannedMoves(core.end, formatDay(mondayOf(next.year, next.week)), lastDayOf(next.key)),
    waves: waveLines(core.end, core.previous),
    facilities: facilityLines(core.end, core.previous),
    scope: scopeChange(core.previous, core.end),
    forecast: core.forecast,
    burnUp: core.burnUp,
    notes,
    closed: null,
    corrections: [],
    skippedEvents: input.history.skipped,
    slices: core.end.slices,
  };
}

/**
 * What the forecast's draws are seeded by: the instant of the programme's first recorded
 * change. A re-issue draws the same numbers, and so does the same programme restored from a
 * backup into another deployment, where its id is new (its id seeded them, and a restored
 * programme's past forecasts moved by a week); two programmes started at the same millisecond
 * are the only ones that share their draws.
 */
export function forecastSeedKey(input: Pick<ReportInput, "startedAt">): string {
  return `started ${input.startedAt}`;
}
