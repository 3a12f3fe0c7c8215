import "server-only";
import { db } from "@/lib/db";
import { diffReports } from "./corrections";
import { renderReport, type ReportExport } from "./export";
import { loadReportSource } from "./load";
import { historyVersion, memoised } from "./memo";
import { buildWeeklyReport, detailSinceFor, type ReportInput } from "./report";
import { weeklyReportSchema, type ReportFormat } from "./schemas";
import type { ReportNotes, WeekKey, WeeklyReport } from "./types";
import { addWeeks, weekAt } from "./weeks";

/**
 * How far back a week's report looks for corrections to closed weeks: the forecast's eight
 * weeks. An older closed week shows its own corrections on its own page; each report then
 * rebuilds at most eight weeks besides its own.
 */
export const CORRECTION_LOOKBACK_WEEKS = 8;

const noNotes: ReportNotes = { notes: "", asks: "", author: null, updatedAt: null };

/** The manager's notes and asks for a week, or empty ones. */
export async function getReportNotes(programmeId: string, week: WeekKey): Promise<ReportNotes> {
  const row = await db.reportNote.findUnique({ where: { programmeId_week: { programmeId, week } }, select: { notes: true, asks: true, updatedAt: true, author: { select: { name: true } } } });
  return row ? { notes: row.notes, asks: row.asks, author: row.author?.name ?? null, updatedAt: row.updatedAt.toISOString() } : noNotes;
}

/** A stored report read back in the report's own key order (JSONB keeps its own), so its export is byte-stable. */
export function readStoredReport(json: unknown): WeeklyReport {
  return weeklyReportSchema.parse(json) as WeeklyReport;
}

/** The report of a week as it was issued, with the corrections history has had since. */
function asIssued(stored: unknown, source: ReportInput): WeeklyReport {
  const issued = readStoredReport(stored);
  const rebuilt = buildWeeklyReport(source, issued.range.week, issued.notes);
  return { ...issued, closed: { closedAt: issued.closed?.closedAt ?? "", closedBy: issued.closed?.closedBy ?? null, corrections: diffReports(issued, rebuilt) } };
}

/**
 * The weekly report of one ISO week (the current week in the programme's time zone when
 * none is given). A closed week is its stored report with `closed.corrections`; an open week
 * is built now, with the notes and the corrections found to the closed weeks before it.
 */
export async function getWeeklyReport(programmeId: string, week?: WeekKey, options: { now?: Date } = {}): Promise<WeeklyReport> {
  const now = options.now ?? new Date();
  const [timeZone, closedWeeks, version] = await Promise.all([getProgrammeTimeZone(programmeId), db.reportWeek.findMany({ where: { programmeId }, select: { week: true } }), historyVersion(programmeId)]);
  const key = week ?? weekAt(now.getTime(), timeZone);
  const build = () => buildReport(programmeId, key, timeZone, new Set(closedWeeks.map((w) => w.week)), now);
  // A caller that fixes the clock (a test) gets a report of that instant, never one kept from another.
  return options.now ? build() : memoised("reports", `${programmeId}|${key}|${timeZone}|${version}`, build);
}

async function buildReport(programmeId: string, key: WeekKey, timeZone: string, closed: Set<string>, now: Date): Promise<WeeklyReport> {
  if (closed.has(key)) {
    const [row, source] = await Promise.all([
      db.reportWeek.findUniqueOrThrow({ where: { programmeId_week: { programmeId, week: key } }, select: { report: true } }),
      loadReportSource(programmeId, { now, detailSince: detailSinceFor(key, timeZone) }),
    ]);
    return asIssued(row.report, source);
  }
  const earlier = Array.from({ length: CORRECTION_LOOKBACK_WEEKS }, (_, i) => addWeeks(key, -(CORRECTION_LOOKBACK_WEEKS - i))).filter((w) => closed.has(w));
  const [source, notes, stored] = await Promise.all([
    loadReportSource(programmeId, { now, detailSince: detailSinceFor(earlier[0] ?? key, timeZone) }),
    getReportNotes(programmeId, key),
    earlier.length ? db.reportWeek.findMany({ where: { programmeId, week: { in: earlier } }, select: { week: true, report: true }, orderBy: { week: "asc" } }) : [],
  ]);
  const report = buildWeeklyReport(source, key, notes);
  const corrections = stored
    .map((row) => ({ week: row.week as WeekKey, changes: asIssued(row.report, source).closed!.corrections }))
    .filter((c) => c.changes.length > 0);
  return { ...report, corrections };
}

/** A week's report rebuilt from history now, closed or not: what closing it stores. */
export async function buildOpenReport(programmeId: string, week: WeekKey, notes: ReportNotes, now?: Date): Promise<WeeklyReport> {
  const source = await loadReportSource(programmeId, { now, detailSince: detailSinceFor(week, await getProgrammeTimeZone(programmeId)) });
  return buildWeeklyReport(source, week, notes);
}

/**
 * A week's report in one export format, ready to send: what the REST route and the page's
 * download serve. Kept like the report itself while the history is unchanged, so the PDF of a
 * week is drawn once.
 */
export async function getWeeklyReportExport(programmeId: string, week: WeekKey | undefined, format: ReportFormat): Promise<ReportExport> {
  const [timeZone, version] = await Promise.all([getProgrammeTimeZone(programmeId), historyVersion(programmeId)]);
  const key = week ?? weekAt(Date.now(), timeZone);
  return memoised("exports", `${programmeId}|${key}|${timeZone}|${version}|${format}`, async () => renderReport(await getWeeklyReport(programmeId, key), format));
}

/** The programme's time zone (its weeks are counted there). */
export async function getProgrammeTimeZone(programmeId: string): Promise<string> {
  return (await db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { timeZone: true } })).timeZone;
}

/** The current ISO week in the programme's time zone. */
export async function getCurrentWeek(programmeId: string, now: Date = new Date()): Promise<WeekKey> {
  return weekAt(now.getTime(), await getProgrammeTimeZone(programmeId));
}

/** Whether a week is closed, and when; for pages that show the state without the report. */
export async function getClosedWeek(programmeId: string, week: WeekKey): Promise<{ closedAt: Date; closedByName: string } | null> {
  return db.reportWeek.findUnique({ where: { programmeId_week: { programmeId, week } }, select: { closedAt: true, closedByName: true } });
}
