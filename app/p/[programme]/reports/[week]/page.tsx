import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CloseWeek } from "@/components/reports/close-week";
import { weekDays, weekLabel } from "@/components/reports/format";
import { NotesForm } from "@/components/reports/notes-form";
import { NotesText } from "@/components/reports/notes-text";
import { TimeZoneForm } from "@/components/reports/time-zone-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Downloads, ReportView, WeekNav } from "@/components/reports/report-view";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { closeReportWeekAction, saveReportNotesAction, setReportTimeZoneAction } from "@/lib/reports/actions";
import { getWeeklyReport } from "@/lib/reports/queries";
import type { WeekKey, WeekRange } from "@/lib/reports/types";
import { addWeeks, isWeekKey, weekAt, weeksBetween } from "@/lib/reports/weeks";

type Props = { params: Promise<{ programme: string; week: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { week } = await params;
  return { title: isWeekKey(week) ? `Report, ${weekLabel(week)}` : "No such week" };
}

/** Where a week stands at this request: the programme's current week, and whether this one has ended. */
function standing(range: WeekRange): { current: WeekKey; hasEnded: boolean } {
  const now = Date.now();
  return { current: weekAt(now, range.timeZone), hasEnded: Date.parse(range.end) <= now };
}

export default async function WeeklyReportPage({ params }: Props) {
  const { programme: slug, week } = await params;
  const { programme } = await getProgrammeForPage(slug);
  // "2026-W99", "abc": no week of the calendar, so nothing to find (not-found.tsx says how to write one).
  if (!isWeekKey(week)) notFound();
  const report = await getWeeklyReport(programme.id, week);
  const { current, hasEnded } = standing(report.range);
  const base = `/p/${programme.slug}`;
  const isManager = can(programme.role, "report.notes").allowed;
  // Notes belong to a week that happened and is still open; a closed week's were issued with it.
  const canWriteNotes = isManager && !report.closed && report.empty === null;
  const notes = canWriteNotes ? <NotesForm action={saveReportNotesAction.bind(null, programme.slug)} week={week} notes={report.notes} /> : <NotesText notes={report.notes} />;
  const closeWeek = isManager && hasEnded && !report.closed && report.empty === null ? <CloseWeek action={closeReportWeekAction.bind(null, programme.slug)} week={week} /> : null;
  return (
    <>
      <PageHeader title={`Reports: ${weekLabel(week)}`} description={`Weekly stakeholder report · ${weekDays(report.range)} · ${report.range.timeZone}${report.closed ? " · closed" : week === current ? " · this week, so far" : report.empty === "future_week" ? " · not started" : ""}`}>
        {/* A week with nothing in it has nothing to download (the API still answers it, as an empty report). */}
        {report.empty ? null : <Downloads base={base} week={week} />}
      </PageHeader>
      <div className="mb-6">
        <WeekNav
          base={base}
          week={week}
          previous={report.empty === "before_programme" ? null : addWeeks(week, -1)}
          next={weeksBetween(week, current) > 0 ? addWeeks(week, 1) : null}
          current={current}
        />
      </div>
      <ReportView report={report} base={base} notes={notes} closeWeek={closeWeek} currentWeek={current} />
      {can(programme.role, "programme.edit").allowed ? (
        <Card title="Report weeks" className="mt-6">
          <TimeZoneForm action={setReportTimeZoneAction.bind(null, programme.slug)} timeZone={report.programme.timeZone} zones={Intl.supportedValuesOf("timeZone")} />
        </Card>
      ) : null}
    </>
  );
}
