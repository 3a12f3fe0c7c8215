import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { StatusBreakdown } from "@/components/overview/status-breakdown";
import { WaveProgressTable } from "@/components/overview/wave-progress";
import { RecentActivity } from "@/components/overview/recent-activity";
import { getOverview } from "@/lib/overview/queries";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { daysBetween, formatDate, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const o = await getOverview(programme.id);
  const daysLeft = o.targetDate ? daysBetween(new Date(), o.targetDate) : null;
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
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Slices live or done" value={`${o.slices.finished} of ${o.slices.total}`} detail={o.slices.total ? formatPercent(o.slices.finished / o.slices.total) : "no slices yet"} />
        <Stat
          label="Services migrated"
          value={`${o.services.migrated} of ${o.services.total}`}
          detail={o.services.unsliced ? `${o.services.unsliced} not in a slice yet` : "every service is in a slice"}
        />
        <Stat label="Peak traffic on Kubernetes" value={o.trafficShare === null ? "—" : formatPercent(o.trafficShare)} detail={o.trafficShare === null ? "no peak traffic recorded" : "weighted by each service's peak requests per second"} />
        <Stat label="Waves" value={o.waves.length} detail={`${o.waves.filter((w) => w.slices > 0 && w.finished === w.slices).length} complete`} />
      </dl>
      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Slices by status">
            <StatusBreakdown slices={o.slices} />
          </Card>
          <Card title="Waves">
            <WaveProgressTable waves={o.waves} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Recent activity">
            <RecentActivity events={o.recent} />
          </Card>
          <Card title="Burn-up and forecast">
            <p className="text-sm text-slate-600">
              The burn-up chart and the completion forecast, built from the recorded stage history, arrive with the weekly stakeholder report.
            </p>
          </Card>
        </div>
      </div>
    </>
  );
}
