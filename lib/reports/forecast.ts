/**
 * The completion forecast: a Monte Carlo simulation over the weekly throughput observed in
 * the last weeks. Each trial draws a week's throughput at random (with replacement) from
 * those weeks, zero weeks included, until the remaining slices are done; the weeks it took
 * give the distribution of finish dates. The remaining count is taken against today's scope,
 * so scope added later lengthens the forecast instead of vanishing into a rate.
 */
import { hashSeed, mulberry32 } from "./prng";
import { addWeeks, lastDayOf } from "./weeks";
import type { Forecast, WeekKey } from "./types";

/**
 * Weeks of throughput sampled: two months. Long enough that one holiday week or one big
 * cut-over does not decide the forecast alone; short enough to follow the current pace as
 * waves, teams and the kind of slice change over a programme.
 */
export const FORECAST_WEEKS = 8;
/** Below three observed weeks there is no pace to speak of: the forecast says so instead of inventing a date. */
export const MIN_FORECAST_WEEKS = 3;
/** Trials per forecast: P95 moves by well under a week between seeds at this count. */
export const TRIALS = 10_000;
/** Ten years: a trial not finished by then counts as never, and too many of those is "no pace". */
export const HORIZON_WEEKS = 520;

export type ForecastInput = {
  target: "live" | "done";
  /** Slices still to reach the finish line, against the current scope. */
  remaining: number;
  /** Slices in scope; with none there is nothing to finish. */
  scope: number;
  /** Slices that reached the line in each observed week, oldest first (at most FORECAST_WEEKS are used). */
  throughput: number[];
  /** The last complete week: the first simulated week is the one after it. */
  baseWeek: WeekKey;
  /** The programme's target date, YYYY-MM-DD. */
  targetDate: string | null;
  /** Text the seed is derived from (programme and week), so a re-issue draws the same numbers. */
  seedKey: string;
  /** When the line was reached, for a finished programme. */
  finishedBy: string | null;
};

const DAY = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Runs the forecast for one finish line. */
export function forecast(input: ForecastInput): Forecast {
  const { target } = input;
  const sampled = input.throughput.slice(-FORECAST_WEEKS);
  if (input.scope > 0 && input.remaining <= 0) return { status: "finished", target, finishedBy: input.finishedBy ?? lastDayOf(input.baseWeek) };
  if (sampled.length < MIN_FORECAST_WEEKS) return { status: "insufficient_history", target, weeksOfHistory: sampled.length, weeksNeeded: MIN_FORECAST_WEEKS };
  const remaining = Math.max(0, input.remaining);
  if (sampled.every((n) => n <= 0)) return { status: "no_pace", target, remaining, weeksSampled: sampled.length };

  const seed = hashSeed(`${input.seedKey}|${input.baseWeek}|${target}`);
  const random = mulberry32(seed);
  const weeksTaken = new Uint32Array(HORIZON_WEEKS + 1);
  let unfinished = 0;
  const n = sampled.length;
  for (let trial = 0; trial < TRIALS; trial++) {
    let left = remaining;
    let k = 0;
    while (left > 0 && k < HORIZON_WEEKS) {
      left -= sampled[(random() * n) | 0];
      k++;
    }
    if (left > 0) unfinished++;
    else weeksTaken[k]++;
  }
  // P95 must be a date within the horizon; otherwise the pace is too close to zero to forecast.
  if (unfinished > TRIALS * 0.05) return { status: "no_pace", target, remaining, weeksSampled: n };

  const percentile = (p: number) => {
    const needed = Math.ceil(p * TRIALS);
    let cumulative = 0;
    for (let k = 0; k <= HORIZON_WEEKS; k++) {
      cumulative += weeksTaken[k];
      if (cumulative >= needed) return k;
    }
    return HORIZON_WEEKS;
  };
  const dateAfter = (k: number) => lastDayOf(addWeeks(input.baseWeek, k));
  let chanceByTarget: number | null = null;
  if (input.targetDate) {
    // A finish in week base+k is on that week's Sunday; the target is met when that is on or before it.
    const kMax = Math.floor((dayMs(input.targetDate) - dayMs(lastDayOf(input.baseWeek))) / (7 * DAY));
    let by = 0;
    for (let k = 0; k <= Math.min(kMax, HORIZON_WEEKS); k++) by += weeksTaken[k];
    chanceByTarget = Math.round((by / TRIALS) * 10_000) / 10_000;
  }
  return {
    status: "forecast",
    target,
    remaining,
    weeksSampled: n,
    throughput: sampled,
    trials: TRIALS,
    seed,
    dates: { p50: dateAfter(percentile(0.5)), p85: dateAfter(percentile(0.85)), p95: dateAfter(percentile(0.95)) },
    chanceByTarget,
  };
}
