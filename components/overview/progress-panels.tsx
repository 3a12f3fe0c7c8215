import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { AttentionCards, splitAttention } from "@/components/reports/attention";
import { BurnUpSection } from "@/components/reports/burn-up-section";
import { weekLabel } from "@/components/reports/format";
import { HeadlineStats } from "@/components/reports/headline";
import { RollbackList } from "@/components/reports/moved";
import { FacilityReadiness } from "@/components/reports/progress";
import type { WeekKey, WeeklyReport } from "@/lib/reports/types";

/** What the overview shows of the current week: the report's live figures. */
export type OverviewProgress = Pick<WeeklyReport, "headline" | "burnUp" | "forecast" | "attention" | "facilities"> & {
  week: WeekKey;
  timeZone: string;
  targetDate: string | null;
  rollbacks: WeeklyReport["moved"]["rollbacks"];
};

/**
 * How many blocked and at-risk slices the overview lists, each: the large programme has
 * hundreds at risk, and drawing every one made the page (polled and re-rendered on every
 * change) several times slower to serve. The week's report lists them all.
 */
export const OVERVIEW_ATTENTION_LIMIT = 10;

type Props = { progress: OverviewProgress; base: string; statusCard: ReactNode; wavesCard: ReactNode; activityCard: ReactNode };

/**
 * The overview of a programme with slices: headline figures with their change since last
 * week, the burn-up and forecast, status, waves and recent activity on the left; what needs
 * attention, this week's rollbacks and platform readiness on the right.
 *
 * Recent activity is the grid's last child, so a phone reads it after what needs attention;
 * on a wide screen it sits under the waves, in a second row that the right column spans, so
 * neither column ends a screen's height before the other.
 */
export function ProgressPanels({ progress, base, statusCard, wavesCard, activityCard }: Props) {
  const { blocked, atRisk } = splitAttention(progress.attention);
  const shown = [...blocked.slice(0, OVERVIEW_ATTENTION_LIMIT), ...atRisk.slice(0, OVERVIEW_ATTENTION_LIMIT)];
  const hidden = progress.attention.length - shown.length;
  return (
    <>
      <HeadlineStats headline={progress.headline} />
      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-3 xl:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card
            title="Burn-up and forecast"
            actions={
              <Link href={`${base}/reports/${progress.week}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
                {weekLabel(progress.week)} report
              </Link>
            }
          >
            <BurnUpSection id="overview-burn-up" points={progress.burnUp} forecast={progress.forecast} targetDate={progress.targetDate} />
          </Card>
          {statusCard}
          {wavesCard}
        </div>
        <div className="min-w-0 space-y-6 xl:row-span-2">
          <AttentionCards slices={shown} base={base} />
          {hidden > 0 ? (
            <p className="text-sm text-slate-700">
              {hidden} more {hidden === 1 ? "slice needs" : "slices need"} attention:{" "}
              <Link href={`${base}/reports/${progress.week}`} className="text-brand-700 underline underline-offset-2">
                every one is in the {weekLabel(progress.week)} report
              </Link>
              .
            </p>
          ) : null}
          <Card title="Rollbacks this week">
            <RollbackList rollbacks={progress.rollbacks} base={base} timeZone={progress.timeZone} />
          </Card>
          <Card title="Platform readiness">
            <FacilityReadiness facilities={progress.facilities} />
          </Card>
        </div>
        <div className="min-w-0 xl:col-span-2 xl:self-start">{activityCard}</div>
      </div>
    </>
  );
}
