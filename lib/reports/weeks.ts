/**
 * ISO 8601 weeks in a programme's time zone: "2026-W47" runs from Monday 00:00 to the next
 * Monday 00:00 as the programme's clocks read, whatever the offset does in between (a DST
 * change makes that week 167 or 169 hours long). Pure: time zones come from Intl, so the
 * rules are the runtime's IANA database and no table of our own.
 */
import { LRUCache } from "lru-cache";
import type { WeekKey, WeekRange } from "./types";

const DAY = 86_400_000;

/** What a week must look like, for error messages (the route's 400 says it). */
export const WEEK_FORMAT = 'an ISO week such as "2026-W47": a four-digit year, "-W", and a two-digit week from 01 to 52 or 53';

/** A week that does not parse; the message names the expected format. */
export class WeekFormatError extends Error {
  constructor(public readonly input: string, detail?: string) {
    super(`${JSON.stringify(input.slice(0, 40))} is not a week${detail ? ` (${detail})` : ""}: expected ${WEEK_FORMAT}.`);
    this.name = "WeekFormatError";
  }
}

/** A civil date (no time zone): year, month 1-12, day 1-31. */
export type CivilDate = { year: number; month: number; day: number };

const utcOf = (d: CivilDate) => Date.UTC(d.year, d.month - 1, d.day);
const civilOf = (ms: number): CivilDate => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
/** Monday = 0 ... Sunday = 6. */
const weekday = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;

/** YYYY-MM-DD of a civil date. */
export const formatDay = (d: CivilDate): string => `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The ISO week-numbering year and week of a civil date. */
export function isoWeekOfDate(d: CivilDate): { year: number; week: number } {
  const ms = utcOf(d);
  // The week belongs to the year its Thursday falls in.
  const thursday = ms + (3 - weekday(ms)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) };
}

/** 52 or 53: the week of 28 December is always the year's last. */
export const weeksInYear = (year: number): number => isoWeekOfDate({ year, month: 12, day: 28 }).week;

/** The Monday of an ISO week, as a civil date. */
export function mondayOf(year: number, week: number): CivilDate {
  const jan4 = Date.UTC(year, 0, 4);
  return civilOf(jan4 - weekday(jan4) * DAY + (week - 1) * 7 * DAY);
}

/** A week key from its parts: "2026-W05". */
export const formatWeek = (year: number, week: number): WeekKey => `${year}-W${String(week).padStart(2, "0")}` as WeekKey;

/** Parses "2026-W47" (strictly: the year's real weeks only), throwing WeekFormatError otherwise. */
export function parseWeek(input: string): { year: number; week: number; key: WeekKey } {
  const m = /^(\d{4})-W(\d{2})$/.exec(input);
  if (!m) throw new WeekFormatError(input);
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1000) throw new WeekFormatError(input, "the year is out of range");
  const last = weeksInYear(year);
  if (week < 1 || week > last) throw new WeekFormatError(input, `${year} has weeks 01 to ${last}`);
  return { year, week, key: formatWeek(year, week) };
}

/** Whether the text is a week key that parses. */
export function isWeekKey(input: string): input is WeekKey {
  try {
    parseWeek(input);
    return true;
  } catch {
    return false;
  }
}

/** The week `n` weeks after (or before, negative) the given one. */
export function addWeeks(key: WeekKey, n: number): WeekKey {
  const { year, week } = parseWeek(key);
  const monday = utcOf(mondayOf(year, week)) + n * 7 * DAY;
  const w = isoWeekOfDate(civilOf(monday));
  return formatWeek(w.year, w.week);
}

/** Whole weeks from `a` to `b` (positive when b is later). */
export function weeksBetween(a: WeekKey, b: WeekKey): number {
  const pa = parseWeek(a);
  const pb = parseWeek(b);
  return Math.round((utcOf(mondayOf(pb.year, pb.week)) - utcOf(mondayOf(pa.year, pa.week))) / (7 * DAY));
}

// Formatters are costly to build and safe to share: one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", era: "short" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of an instant in a time zone, as if it were UTC (ms), and its civil date. */
function wallClock(ms: number, timeZone: string): { wall: number; date: CivilDate } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  // Years before the common era never occur here; the era keeps the arithmetic honest anyway.
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  const date = { year, month: Number(parts.month), day: Number(parts.day) };
  const wall = Date.UTC(year, date.month - 1, date.day, Number(parts.hour), Number(parts.minute), Number(parts.second)) + (ms % 1000 + 1000) % 1000;
  return { wall, date };
}

/** The programme's calendar date at an instant: YYYY-MM-DD. */
export const dayAt = (ms: number, timeZone: string): string => formatDay(wallClock(ms, timeZone).date);

const compareCivil = (a: CivilDate, b: CivilDate) => utcOf(a) - utcOf(b);

/**
 * The first instant of a civil day in a time zone: its 00:00, or, where a DST change skips
 * midnight (it has happened in Santiago, Beirut and Havana), the first minute that exists.
 */
export function startOfDay(d: CivilDate, timeZone: string): number {
  const guess = utcOf(d);
  // The offset at the guess, then at the candidate: two steps settle any single transition.
  let t = guess - (wallClock(guess, timeZone).wall - guess);
  t = guess - (wallClock(t, timeZone).wall - t);
  const at = wallClock(t, timeZone);
  if (at.wall === guess && compareCivil(at.date, d) === 0) return t;
  // Midnight does not exist (or the guess landed on a repeated hour): search the first
  // instant whose local date is `d` or later, to the minute, within a day and a half.
  let lo = guess - 36 * 3_600_000;
  let hi = guess + 36 * 3_600_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (compareCivil(wallClock(mid, timeZone).date, d) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The week an instant falls in, in a time zone. */
export function weekAt(ms: number, timeZone: string): WeekKey {
  const w = isoWeekOfDate(wallClock(ms, timeZone).date);
  return formatWeek(w.year, w.week);
}

// A burn-up asks for the bounds of every week since the programme began, each six Intl
// formatToParts calls: kept, since they are a fixed function of the week and the zone.
const bounds = new LRUCache<string, { start: number; end: number }>({ max: 10_000 });

/** [Monday 00:00, next Monday 00:00) of a week in a time zone, as UTC instants (ms). */
export function weekBounds(key: WeekKey, timeZone: string): { start: number; end: number } {
  const cacheKey = `${key}|${timeZone}`;
  const kept = bounds.get(cacheKey);
  if (kept) return { ...kept };
  const { year, week } = parseWeek(key);
  const monday = mondayOf(year, week);
  const next = civilOf(utcOf(monday) + 7 * DAY);
  const result = { start: startOfDay(monday, timeZone), end: startOfDay(next, timeZone) };
  bounds.set(cacheKey, result);
  return { ...result };
}

/** The week's range as the report states it. */
export function weekRange(key: WeekKey, timeZone: string): WeekRange {
  const { start, end } = weekBounds(key, timeZone);
  return { week: key, start: new Date(start).toISOString(), end: new Date(end).toISOString(), timeZone };
}

/** The Sunday (last day) of a week, YYYY-MM-DD: the day a forecast names for a finish in that week. */
export function lastDayOf(key: WeekKey): string {
  const { year, week } = parseWeek(key);
  return formatDay(civilOf(utcOf(mondayOf(year, week)) + 6 * DAY));
}

/**
 * The IANA name Intl knows a time zone by ("europe/paris" -> "Europe/Paris"), or null for a
 * name it does not know. Fixed offsets ("+01:00") are refused: weeks follow a place's clocks.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
