/**
 * What the burn-up chart draws, as plain numbers (instants in milliseconds): the three lines,
 * the forecast fans from the last week to the 50th, 85th and 95th percentile dates, the target
 * date, and the span of time the x axis must cover so that all of them fit. Pure, so the
 * chart's shape is unit-tested without a browser.
 */
import type { BurnUpPoint, Forecast } from "@/lib/reports/types";

const WEEK_MS = 7 * 86_400_000;

export type Point = { t: number; v: number };

/** A fan from the finish line's last value to the scope at each percentile date. */
export type Fan = { target: "live" | "done"; from: Point; level: number; p50: number; p85: number; p95: number };

export type BurnUpModel = {
  /** The x axis span, ms. */
  start: number;
  end: number;
  yMax: number;
  scope: Point[];
  /** The last week's scope held to the axis' end: where the fans arrive. */
  scopeAhead: [Point, Point];
  live: Point[];
  done: Point[];
  fans: Fan[];
  target: number | null;
};

const day = (text: string) => new Date(text).getTime();

/** The chart's geometry, or null when there is no week to draw. */
export function burnUpModel(points: BurnUpPoint[], forecast: { live: Forecast; done: Forecast }, targetDate: string | null): BurnUpModel | null {
  if (points.length === 0) return null;
  const series = (pick: (p: BurnUpPoint) => number) => points.map((p) => ({ t: day(p.end), v: pick(p) }));
  const scope = series((p) => p.scope);
  const live = series((p) => p.live);
  const done = series((p) => p.done);
  const last = points[points.length - 1];
  const fans: Fan[] = [];
  for (const f of [forecast.live, forecast.done]) {
    if (f.status !== "forecast") continue;
    const line = f.target === "live" ? live : done;
    fans.push({ target: f.target, from: line[line.length - 1], level: last.scope, p50: day(f.dates.p50), p85: day(f.dates.p85), p95: day(f.dates.p95) });
  }
  const target = targetDate ? day(targetDate) : null;
  // The first week's line starts at its Monday, so one point still spans a week.
  const start = scope[0].t - WEEK_MS;
  const latest = Math.max(scope[scope.length - 1].t, ...fans.map((f) => f.p95), target ?? -Infinity);
  // A little room past the last mark so its label is not cut at the edge.
  const end = latest + Math.max(WEEK_MS, (latest - start) * 0.04);
  // Headroom above the scope, so the line the fans arrive at is not the plot's top edge.
  const yMax = Math.max(1, ...scope.map((p) => p.v), ...live.map((p) => p.v), ...done.map((p) => p.v)) * 1.1;
  const lastScope = scope[scope.length - 1];
  return { start, end, yMax, scope, scopeAhead: [lastScope, { t: end, v: lastScope.v }], live, done, fans, target };
}

/** About one x-axis label per `pixelsPerTick`, at least two. */
export const tickCount = (width: number, pixelsPerTick = 65) => Math.max(2, Math.floor(width / pixelsPerTick));
