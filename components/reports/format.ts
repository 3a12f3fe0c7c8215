/**
 * The words the overview and the report pages say about a report's figures: changes since the
 * previous week, forecasts as odds, why a slice needs attention. Pure, so every phrase is
 * unit-tested; the pages only lay them out.
 */
import type { Change, WeekKey } from "@/lib/reports/types";
import { plural } from "@/lib/reports/words";

export type Direction = "up" | "down" | "same";

/** An arrow for sighted readers; the words beside it carry the same meaning. */
export const arrowOf: Record<Direction, string> = { up: "▲", down: "▼", same: "▶" };

export type ChangeText = { direction: Direction; text: string };


/** A count's change since last week: "up 2 since last week", "no change since last week". */
export function countChange(change: Change): ChangeText {
  const delta = change.value - change.previous;
  if (delta === 0) return { direction: "same", text: "no change since last week" };
  return { direction: delta > 0 ? "up" : "down", text: `${delta > 0 ? "up" : "down"} ${Math.abs(delta)} since last week` };
}

/** A share's change, in percentage points (the share itself is 0..1; null: no peak recorded). */
export function shareChange(change: Change<number | null>): ChangeText | null {
  if (change.value === null) return null;
  if (change.previous === null) return { direction: "same", text: "no figure last week" };
  const points = Math.round(change.value * 100) - Math.round(change.previous * 100);
  if (points === 0) return { direction: "same", text: "no change since last week" };
  return { direction: points > 0 ? "up" : "down", text: `${points > 0 ? "up" : "down"} ${plural(Math.abs(points), "point")} since last week` };
}

/** An instant as a date and time in the programme's time zone: "19 Nov 2026, 14:05". */
export function formatInstant(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(instant));
}

/** The days a week covers in its time zone: "16 Nov – 22 Nov 2026" (the end instant is exclusive). */
export function weekDays(range: { start: string; end: string; timeZone: string }): string {
  const f = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: range.timeZone });
  const year = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: range.timeZone });
  // The last day is the one holding the last millisecond before the exclusive end.
  const last = new Date(new Date(range.end).getTime() - 1);
  return `${f.format(new Date(range.start))} – ${f.format(last)} ${year.format(last)}`;
}

/** "Week 47, 2026" for "2026-W47" (the ISO week-numbering year, which can differ from the calendar's). */
export function weekLabel(week: WeekKey): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? `Week ${Number(match[2])}, ${match[1]}` : week;
}

