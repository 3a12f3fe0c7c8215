import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { diffReports } from "./corrections";
import { renderReport, type ReportExport } from "./export";
import { loadReportSource } from "./load";
import { latestEventId } from "@/lib/events/latest";
import { memoised } from "@/lib/events/memo";
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
  const [timeZone, closedWeeks, version] = await Promise.all([getProgrammeTimeZone(programmeId), db.reportWeek.findMany({ where: { programmeId }, select: { week: true } }), latestEventId(programmeId)]);
  const key = week ?? weekAt(now.getTime(), timeZone);
  const build = () => buildReport(programmeId, key, timeZone, new Set(closedWeeks.map((w) => w.week)), now);
  // A caller that fixes the clock (a test) gets a report of that instant, never one kept from another.
  return options.now ? build() : memoised("reports", `${programmeId}|${key}|${timeZone}|${version}`, build);
}

/**
 * How far behind the latest event the overview's report may be while events keep landing. A
 * report of the large programme takes most of a second to build, and every tick is an event:
 * rebuilt for each, the overview alone kept a replica's one core busy under fifty users.
 */
export const OVERVIEW_REPORT_MAX_AGE_MS = 5_000;

type KeptOverview = { version: number; builtAt: number; report: WeeklyReport };
const globalForOverview = globalThis as unknown as { ferryOverviewReports?: LRUCache<string, KeptOverview> };
const overviewReports = (globalForOverview.ferryOverviewReports ??= new LRUCache<string, KeptOverview>({ max: 64 }));

/**
 * The current week's report for the overview, and the history version it shows (`version`,
 * at most `latest`): the one built last if it shows the latest event, or if it was built less
 * than OVERVIEW_REPORT_MAX_AGE_MS ago in the same week; otherwise a new one (getWeeklyReport,
 * exact and shared by concurrent callers). The page asks again once that age has passed when
 * it shows an older version than the stream announced (components/live/programme-live.tsx).
 * The report page and the exports stay exact: they use getWeeklyReport.
 */
export async function getOverviewReport(programmeId: string, clock: () => number = Date.now): Promise<{ report: WeeklyReport; version: number; latest: number }> {
  const latest = await latestEventId(programmeId);
  const kept = overviewReports.get(programmeId);
  const now = clock();
  if (kept && (kept.version === latest || now - kept.builtAt < OVERVIEW_REPORT_MAX_AGE_MS) && kept.report.range.week === weekAt(now, kept.report.range.timeZone)) {
    return { report: kept.report, version: kept.version, latest };
  }
  const report = await getWeeklyReport(programmeId);
  overviewReports.set(programmeId, { version: latest, builtAt: clock(), report });
  return { report, version: latest, latest };
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
  const [timeZone, version] = await Promise.all([getProgrammeTimeZone(programmeId), latestEventId(programmeId)]);
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
