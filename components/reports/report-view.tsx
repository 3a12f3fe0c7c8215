import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import type { WeekKey, WeeklyReport } from "@/lib/reports/types";
import { weeksBetween } from "@/lib/reports/weeks";
import { AttentionCards } from "./attention";
import { BurnUpSection } from "./burn-up-section";
import { formatDay } from "@/lib/reports/words";
import { formatInstant, weekLabel } from "./format";
import { HeadlineStats } from "./headline";
import { MovedList, RollbackList } from "./moved";
import { FacilityReadiness, NextWeek, ScopeChanges, WaveLines } from "./progress";

export const REPORT_FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "pdf", label: "PDF" },
  { format: "csv", label: "CSV" },
  { format: "json", label: "JSON" },
] as const;

/** Previous and next week, with "this week" when the page shows another; no next beyond the current week. */
export function WeekNav({ base, week, previous, next, current }: { base: string; week: WeekKey; previous: WeekKey | null; next: WeekKey | null; current: WeekKey }) {
  const link = "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
      {previous ? (
        <Link href={`${base}/reports/${previous}`} className={link} rel="prev">
          <span aria-hidden="true">←</span> <span className="sr-only">Previous week, </span>
          {weekLabel(previous)}
        </Link>
      ) : null}
      {week !== current ? (
        <Link href={`${base}/reports/${current}`} className={link}>
          This week
        </Link>
      ) : null}
      {next ? (
        <Link href={`${base}/reports/${next}`} className={link} rel="next">
          <span className="sr-only">Next week, </span>
          {weekLabel(next)} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** The four export buttons: the same report as a file, through the session download route. */
export function Downloads({ base, week }: { base: string; week: WeekKey }) {
  return (
    <ul aria-label="Download this report" className="flex flex-wrap gap-2">
      {REPORT_FORMATS.map(({ format, label }) => (
        <li key={format}>
          <a href={`${base}/reports/${week}/export?format=${format}`} download className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Download {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** That the week was closed, by whom, and whether history has been corrected since. */
function ClosedNotice({ closed, timeZone }: { closed: NonNullable<WeeklyReport["closed"]>; timeZone: string }) {
  return (
    <section aria-label="Closed week" className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm">
      <p className="font-medium text-slate-900">
        Closed {formatInstant(closed.closedAt, timeZone)}
        {closed.closedBy ? ` by ${closed.closedBy}` : ""}: this is the report as it was issued.
      </p>
      {closed.corrections.length ? (
        <div className="mt-2">
          <p className="text-slate-800">History has been corrected since it was closed; next week&apos;s report lists the corrections. What changed:</p>
          <ul className="mt-1 list-disc pl-5 text-slate-700">
            {closed.corrections.map((c, i) => (
              <li key={i}>
                {c.field}: issued as {c.issued}, now {c.now}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-1 text-slate-700">No corrections to its history since.</p>
      )}
    </section>
  );
}

/** Corrections to earlier closed weeks that this week's report carries. */
function Corrections({ corrections, base }: { corrections: WeeklyReport["corrections"]; base: string }) {
  if (corrections.length === 0) return null;
  return (
    <Card title="Corrections to earlier weeks">
      <ul className="space-y-3 text-sm">
        {corrections.map((c) => (
          <li key={c.week}>
            <Link href={`${base}/reports/${c.week}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
              {weekLabel(c.week)}
            </Link>
            <ul className="mt-1 list-disc pl-5 text-slate-700">
              {c.changes.map((change, i) => (
                <li key={i}>
                  {change.field}: issued as {change.issued}, now {change.now}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const emptyText = {
  before_programme: "Nothing to report: this week is before the programme's first recorded change.",
  future_week: "Nothing to report yet: this week has not started.",
} as const;

type Props = { report: WeeklyReport; base: string; notes: ReactNode; closeWeek: ReactNode; currentWeek: WeekKey };

/**
 * A week with nothing to report: why, when a future week begins, and the way to the current
 * week's report, which is where someone who typed or followed a wrong week wants to be.
 */
function EmptyWeek({ report, base, currentWeek }: { report: WeeklyReport & { empty: NonNullable<WeeklyReport["empty"]> }; base: string; currentWeek: WeekKey }) {
  const start = new Date(report.range.start);
  const zone = report.range.timeZone;
  const starts = `${start.toLocaleDateString("en-GB", { weekday: "long", timeZone: zone })} ${start.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: zone })}`;
  const away = weeksBetween(currentWeek, report.range.week);
  return (
    <section aria-label="Empty week" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
      <p className="font-medium text-slate-900">{emptyText[report.empty]}</p>
      {report.empty === "future_week" ? (
        <p className="mt-1">
          It starts on {starts}, {away === 1 ? "next week" : `${away.toLocaleString("en-GB")} weeks from now`}. Its report fills in as the week happens; the{" "}
          <Link href={`${base}/waves`} className="text-brand-700 underline underline-offset-2">
            waves page
          </Link>{" "}
          shows what is planned for it.
        </p>
      ) : null}
      <p className="mt-3">
        <Link href={`${base}/reports/${currentWeek}`} className="font-medium text-brand-700 underline underline-offset-2">
          Go to this week&apos;s report ({weekLabel(currentWeek)})
        </Link>
      </p>
    </section>
  );
}

/** The weekly report as a page: every section of the report, the notes and the close control. */
export function ReportView({ report, base, notes, closeWeek, currentWeek }: Props) {
  const tz = report.range.timeZone;
  if (report.empty) return <EmptyWeek report={{ ...report, empty: report.empty }} base={base} currentWeek={currentWeek} />;
  return (
    <div className="space-y-6">
      {report.closed ? <ClosedNotice closed={report.closed} timeZone={tz} /> : null}
      {report.skippedEvents ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {report.skippedEvents} recorded {report.skippedEvents === 1 ? "change" : "changes"} could not be read (an older or unknown kind) and {report.skippedEvents === 1 ? "is" : "are"} left out of these figures.
        </p>
      ) : null}
      <HeadlineStats headline={report.headline} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="Burn-up and forecast">
            <BurnUpSection id="report-burn-up" points={report.burnUp} forecast={report.forecast} targetDate={report.programme.targetDate} />
          </Card>
          <Card title="What moved">
            <MovedList moved={report.moved} base={base} timeZone={tz} />
          </Card>
          <Card title="Rollbacks">
            <RollbackList rollbacks={report.moved.rollbacks} base={base} timeZone={tz} />
          </Card>
          <Card title="Waves">
            <WaveLines waves={report.waves} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Notes and asks">{notes}</Card>
          <AttentionCards slices={report.attention} base={base} />
          <Card title="Next week">
            <NextWeek moves={report.nextWeek} />
          </Card>
          <Card title="Platform readiness">
            <FacilityReadiness facilities={report.facilities} />
          </Card>
          <Card title="Scope change">
            <ScopeChanges scope={report.scope} />
          </Card>
          <Corrections corrections={report.corrections} base={base} />
        </div>
      </div>
      {closeWeek}
      <p className="text-xs text-slate-500">
        Target date: {report.programme.targetDate ? formatDay(report.programme.targetDate) : "not set"} · weeks run Monday to Sunday in {tz}.
      </p>
    </div>
  );
}
