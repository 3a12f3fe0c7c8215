import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { TeamCard } from "@/components/teams/team-card";
import { NewTeamForm } from "@/components/teams/team-editor";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { listTeams } from "@/lib/teams/queries";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const teams = await listTeams(programme.id);
  const base = `/p/${programme.slug}`;
  return (
    <>
      <Breadcrumb href={`${base}/services`} label="Services" />
      <PageHeader title="Teams" description={`${teams.length} owner team${teams.length === 1 ? "" : "s"}: who leads them, how to reach them and what they own.`} />
      {can(programme.role, "team.manage").allowed ? (
        <Card title="New team" className="mb-6">
          <NewTeamForm slug={programme.slug} />
        </Card>
      ) : null}
      {teams.length ? (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {teams.map((t) => (
            <TeamCard key={t.id} team={t} base={base} />
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-700">No teams yet. A manager creates them here, or an import does (a Backstage Group or a service&apos;s owner).</p>
      )}
    </>
  );
}
