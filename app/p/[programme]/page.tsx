import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ProgrammeLive } from "@/components/live/programme-live";
import { GettingStarted } from "@/components/overview/getting-started";
import { ProgressPanels } from "@/components/overview/progress-panels";
import { RecentActivity } from "@/components/overview/recent-activity";
import { StatusBreakdown } from "@/components/overview/status-breakdown";
import { WaveProgressTable } from "@/components/overview/wave-progress";
import { can } from "@/lib/auth/rules";
import { daysBetween, formatDate } from "@/lib/format";
import { getOverview } from "@/lib/overview/queries";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getOverviewReport } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const [o, { report, version }] = await Promise.all([getOverview(programme.id), getOverviewReport(programme.id)]);
  const daysLeft = o.targetDate ? daysBetween(new Date(), o.targetDate) : null;
  const base = `/p/${programme.slug}`;
  const isEmpty = o.slices.total === 0;
  return (
    <>
      <PageHeader
        title={programme.name}
        description={
          o.targetDate
            ? `Target ${formatDate(o.targetDate)} · ${daysLeft! >= 0 ? `${daysLeft} days left` : `${-daysLeft!} days past the target`}`
            : "No target date set"
        }
      />
      {/* Every change anywhere re-renders this page in place (ADR 29's stream), and so does the
          start of a new week, which changes "this week" without any event. The report may be a
          few seconds behind the latest change (getOverviewReport): the page asks again then. */}
      <ProgrammeLive slug={programme.slug} refreshAt={Date.parse(report.range.end)} shownVersion={version} />
      {isEmpty ? (
        <GettingStarted slug={programme.slug} canImport={can(programme.role, "inventory.import").allowed} hasServices={o.services.total > 0} />
      ) : (
        <ProgressPanels
          base={base}
          progress={{
            week: report.range.week,
            timeZone: report.range.timeZone,
            targetDate: report.programme.targetDate,
            headline: report.headline,
            burnUp: report.burnUp,
            forecast: report.forecast,
            attention: report.attention,
            facilities: report.facilities,
            rollbacks: report.moved.rollbacks,
          }}
          statusCard={
            <Card title="Slices by status">
              <StatusBreakdown slices={o.slices} />
            </Card>
          }
          wavesCard={
            <Card title="Waves">
              <WaveProgressTable waves={o.waves} />
            </Card>
          }
          activityCard={
            <Card title="Recent activity">
              <RecentActivity events={o.recent} />
            </Card>
          }
        />
      )}
    </>
  );
}
