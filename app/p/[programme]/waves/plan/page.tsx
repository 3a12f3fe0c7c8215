import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { secondaryButtonClass } from "@/components/ui/field";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { ApplyPlanForm } from "@/components/waves/apply-plan-form";
import { PlanComparison } from "@/components/waves/plan-comparison";
import { PlanFindings } from "@/components/waves/plan-findings";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getPlanPreview } from "@/lib/waves/queries";
import { previewOptionsSchema } from "@/lib/waves/schemas";

export const metadata: Metadata = { title: "Plan waves" };

type Props = { params: Promise<{ programme: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlanPage({ params, searchParams }: Props) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const { capacity } = previewOptionsSchema.parse(await searchParams);
  const { proposed, current, changes } = await getPlanPreview(programme.id, { capacityPerTeam: capacity });
  const slices = proposed.waves.reduce((n, w) => n + w.slices.length, 0);
  const apply = can(programme.role, "plan.apply");
  const summary = `Applying moves ${changes.moved.length} slice${changes.moved.length === 1 ? "" : "s"}, creates ${changes.created.length} new slice${changes.created.length === 1 ? "" : "s"}${changes.wavesToCreate.length ? ` and ${changes.wavesToCreate.length} wave${changes.wavesToCreate.length === 1 ? "" : "s"}` : ""}. Nothing changes until you apply.`;
  return (
    <>
      <PageHeader title="Plan waves" description="The order falls out of the dependency graph: leaves first, shared infrastructure last. This is a preview.">
        <Link href={`/p/${programme.slug}/waves`} className={secondaryButtonClass}>
          Back to the board
        </Link>
      </PageHeader>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Plan options">
        <div>
          <label htmlFor="capacity" className="block text-sm font-medium text-slate-800">
            Slices per team per wave
          </label>
          <input id="capacity" name="capacity" type="number" min={1} step={1} defaultValue={capacity ?? ""} placeholder="No limit" aria-describedby="capacity-hint" className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
          <p id="capacity-hint" className="mt-1 text-xs text-slate-500">
            Leave empty for the tightest plan.
          </p>
        </div>
        <button type="submit" className={`${secondaryButtonClass} mb-5`}>
          Preview
        </button>
      </form>
      <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Stat label="Waves" value={proposed.waves.length} detail={`now ${current.waves.length}`} />
        <Stat label="Slices" value={slices} />
        <Stat label="Slices that move" value={changes.moved.length} />
        <Stat label="New slices" value={changes.created.length} detail="for services in no slice" />
        <Stat label="Violations" value={proposed.violations.length} />
      </dl>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="Proposed waves beside the current ones">
            <PlanComparison proposed={proposed} current={current} changes={changes} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Apply">
            {apply.allowed ? (
              <ApplyPlanForm slug={programme.slug} capacity={capacity} summary={summary} />
            ) : (
              <>
                <p className="mb-3 text-sm text-slate-700">{summary}</p>
                <ReadOnlyNotice reason={`${apply.reason} Applying a plan is a programme manager's.`} />
              </>
            )}
          </Card>
          <Card title="What the plan finds">
            <PlanFindings plan={proposed} />
          </Card>
        </div>
      </div>
    </>
  );
}
