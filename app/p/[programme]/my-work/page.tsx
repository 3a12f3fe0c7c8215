import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ProgrammeLive } from "@/components/live/programme-live";
import { PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { NextGates, WaitingOnOthers } from "@/components/slices/my-work";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getMyWork } from "@/lib/slices/queries/my-work";

export const metadata: Metadata = { title: "My work" };

/** A lead's start page: the open items and next gates across their teams' slices, and what waits on other teams. */
export default async function MyWorkPage({ params }: { params: Promise<{ programme: string }> }) {
  const { actor, programme } = await getProgrammeForPage((await params).programme);
  const work = await getMyWork(actor.userId, programme.id);
  const base = `/p/${programme.slug}`;
  const teamNames = work.teams.map((t) => t.name).join(", ");
  return (
    <>
      <ProgrammeLive slug={programme.slug} />
      <PageHeader title="My work" description={work.teams.length ? `The slices of ${teamNames}: what each needs next, and what waits on other teams.` : undefined} />
      {work.teams.length === 0 ? (
        <p className="text-sm text-slate-700">
          You are in no team of this programme, so there is no work of yours to list. A programme manager adds people to teams; meanwhile{" "}
          <Link href={`${base}/slices`} className="text-brand-700 underline">
            all slices
          </Link>{" "}
          are listed.
        </p>
      ) : (
        <>
          <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat label="Slices to finish" value={work.totals.slices} />
            <Stat label="Open items" value={work.totals.openItems} />
            <Stat label="Ready for their next stage" value={work.totals.readyForNextStage} />
            <Stat label="Waiting on other teams" value={work.totals.blockedOnOthers} />
          </dl>
          {work.slices.length === 0 ? (
            <p className="text-sm text-slate-700">Every slice of your teams is done.</p>
          ) : (
            <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
              <div className="min-w-0 xl:col-span-2">
                <NextGates base={base} slices={work.slices} />
              </div>
              <div className="min-w-0">
                <WaitingOnOthers base={base} slices={work.blockedOnOthers} contactOf={work.contactOf} />
              </div>
            </div>
          )}
        </>
      )}
    </>
  );
}
