import type { Metadata } from "next";
import { ProgrammeLive } from "@/components/live/programme-live";
import { Link } from "@/components/ui/link";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";
import { BoardFilters } from "@/components/waves/board-filters";
import { WaitsView } from "@/components/waves/waits-view";
import { WaveBoard } from "@/components/waves/wave-board";
import { teamIdsOf } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getWaveBoard } from "@/lib/waves/queries";
import { boardFiltersSchema } from "@/lib/waves/schemas";

export const metadata: Metadata = { title: "Waves" };

/**
 * The board lists the teams most waited on and the first few slices waiting on each; the
 * full view has its own page.
 */
const WAITS_PER_TEAM = 5;
const WAITED_ON_TEAMS = 6;

type Props = { params: Promise<{ programme: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WavesPage({ params, searchParams }: Props) {
  const { actor, programme } = await getProgrammeForPage((await params).programme);
  const { all, ...filters } = boardFiltersSchema.parse(await searchParams);
  const board = await getWaveBoard(programme.id, filters, { allCards: all === "1" });
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  query.set("all", "1");
  const canPlan = can(programme.role, "plan.apply").allowed;
  // The board decides each card's controls from the role and the lead's teams (rules.ts); the server checks again.
  const memberTeamIds = programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [];
  const applied = Number.parseInt(String((await searchParams).applied ?? ""), 10) || null;
  return (
    <>
      <ProgrammeLive slug={programme.slug} />
      <PageHeader title="Waves" description={`${board.sliceCount} slices in ${board.columns.length} waves · ${board.blockedCount} blocked`}>
        {/* Planning is a manager's; everyone else may read the proposed plan. */}
        <Link href={`/p/${programme.slug}/waves/plan`} className={canPlan ? buttonClass : secondaryButtonClass}>
          {canPlan ? "Plan waves" : "See the proposed plan"}
        </Link>
      </PageHeader>
      {applied ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          The plan was applied: {applied} waves.
        </p>
      ) : null}
      <BoardFilters slug={programme.slug} teams={board.teams} filters={filters} />
      {board.columns.length === 0 && board.unplanned.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">
            No waves yet.{" "}
            {canPlan ? (
              <>
                <Link href={`/p/${programme.slug}/waves/plan`} className="font-medium text-brand-700 underline">Plan the waves</Link> from the dependency graph.
              </>
            ) : (
              "A programme manager plans them from the dependency graph."
            )}
          </p>
        </Card>
      ) : (
        <WaveBoard slug={programme.slug} showAllHref={`/p/${programme.slug}/waves?${query}`} columns={board.columns} unplanned={board.unplanned} role={programme.role} memberTeamIds={memberTeamIds} />
      )}
      <Card title="Who waits on whom" className="mt-6">
        <WaitsView waits={board.waits} limit={WAITS_PER_TEAM} teamLimit={WAITED_ON_TEAMS} moreHref={`/p/${programme.slug}/waves/waits`} againstOrder={board.againstOrder} base={`/p/${programme.slug}`} />
      </Card>
    </>
  );
}
