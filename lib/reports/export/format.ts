/**
 * Words and numbers every export prints the same way: a change with its sign, a share as a
 * percentage, a reason for attention, a forecast as a sentence. No locale-dependent
 * formatting: an export must read the same on every machine, in every process.
 */
import { stageLabel, statusLabel, type Stage } from "@/lib/slices/stages";
import { facilityStatusLabel } from "@/lib/facilities/schemas";
import { formatDay, lastDayOf, mondayOf, parseWeek } from "../weeks";
import type { Change, FacilityStatus, Headline, SliceStatus, WeeklyReport } from "../types";

export const stageText = (s: Stage) => stageLabel(s);
export const statusText = (s: SliceStatus) => statusLabel[s];
export const facilityText = (s: FacilityStatus) => facilityStatusLabel[s];

/** "42.5%"; "—" without a figure. */
export const percent = (share: number | null) => (share === null ? "—" : `${(Math.round(share * 1000) / 10).toFixed(1)}%`);

/** "+2", "−1", "±0"; for a share, in percentage points. */
export function delta(c: Change<number | null>, share = false): string {
  if (c.value === null || c.previous === null) return "—";
  const d = c.value - c.previous;
  const n = share ? `${(Math.round(Math.abs(d) * 1000) / 10).toFixed(1)} pt` : String(Math.abs(d));
  return d > 0 ? `+${n}` : d < 0 ? `−${n}` : `±${share ? "0.0 pt" : "0"}`;
}

/** The headline as rows: label, this week, last week, change. */
export function headlineRows(h: Headline): [string, string, string, string][] {
  const of = (a: Change, total: Change): [string, string] => [`${a.value} of ${total.value}`, `${a.previous} of ${total.previous}`];
  return [
    ["Slices live or done", ...of(h.slicesFinished, h.slicesTotal), delta(h.slicesFinished)],
    ["Slices done (old path retired)", ...of(h.slicesDone, h.slicesTotal), delta(h.slicesDone)],
    ["Services migrated", ...of(h.servicesMigrated, h.servicesTotal), delta(h.servicesMigrated)],
    ["Peak traffic served from Kubernetes", percent(h.trafficShare.value), percent(h.trafficShare.previous), delta(h.trafficShare, true)],
    ["Slices in scope", String(h.slicesTotal.value), String(h.slicesTotal.previous), delta(h.slicesTotal)],
    ["Services in scope", String(h.servicesTotal.value), String(h.servicesTotal.previous), delta(h.servicesTotal)],
  ];
}

/** The week as a heading says it: its days as the programme's calendar has them. */
export function weekTitle(r: WeeklyReport): string {
  const { year, week } = parseWeek(r.range.week);
  return `${r.range.week} (${formatDay(mondayOf(year, week))} to ${lastDayOf(r.range.week)}, ${r.range.timeZone})`;
}

/** Why a week is empty, as a sentence. */
export function emptyText(r: WeeklyReport): string | null {
  if (r.empty === "before_programme") return `Nothing to report: ${r.range.week} ends before the programme's first recorded event.`;
  if (r.empty === "future_week") return `Nothing to report yet: ${r.range.week} has not started.`;
  return null;
}

/** The notice a closed week carries. */
export function closedText(r: WeeklyReport): string | null {
  if (!r.closed) return null;
  const n = r.closed.corrections.length;
  return `Closed on ${r.closed.closedAt.slice(0, 10)}${r.closed.closedBy ? ` by ${r.closed.closedBy}` : ""}: this is the report as issued.${n ? ` History has been corrected since: ${n} correction${n === 1 ? "" : "s"}, listed at the end.` : ""}`;
}

/** The file name of an export. */
export const exportFilename = (r: WeeklyReport, ext: string) => `${r.programme.slug}-weekly-report-${r.range.week}.${ext}`;
