import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, PageHeader } from "@/components/ui/card";
import { TeamDetailsForm, TeamPeopleForm } from "@/components/teams/team-editor";
import { teamIdsOf } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { pageParamOrNotFound } from "@/lib/programmes/page-params";
import { statusLabel } from "@/lib/slices/stages";
import { getTeamPage, listPeopleForTeams } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Team" };

const link = "text-brand-700 underline underline-offset-2";

/** One team: its people and contact, the services and slices it owns (each a link), and its editor for whoever may change it. */
export default async function TeamPage({ params }: { params: Promise<{ programme: string; id: string }> }) {
  const { programme: slug, id } = await params;
  const { actor, programme } = await getProgrammeForPage(slug);
  const team = await getTeamPage(programme.id, pageParamOrNotFound(id));
  if (!team) notFound();
  const base = `/p/${programme.slug}`;
  const memberTeamIds = programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [];
  const canManage = can(programme.role, "team.manage").allowed;
  const canEdit = can(programme.role, "team.edit", { memberTeamIds, ownerTeamIds: [team.id] }).allowed;
  const people = canManage ? await listPeopleForTeams(programme.id) : [];
  const names = (xs: { name: string }[]) => (xs.length ? xs.map((p) => p.name).join(", ") : "none yet");
  return (
    <>
      <Breadcrumb href={`${base}/teams`} label="Teams" />
      <PageHeader title={team.name} description={team.contactChannel ? `Reach them at ${team.contactChannel}` : "No contact channel yet"} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title={`Slices (${team.slices.length})`}>
            {team.slices.length ? (
              <ul className="space-y-1 text-sm">
                {team.slices.map((s) => (
                  <li key={s.id}>
                    <Link href={`${base}/slices/${s.id}`} className={link}>
                      {s.name}
                    </Link>{" "}
                    <span className="text-slate-600">
                      · {statusLabel[s.status]} ·{" "}
                      {s.wave ? (
                        <Link href={`${base}/waves#wave-${s.wave.number}`} className={link}>
                          wave {s.wave.number}
                        </Link>
                      ) : (
                        "no wave yet"
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No slices yet.</p>
            )}
          </Card>
          <Card title={`Services (${team.services.length})`}>
            {team.services.length ? (
              <ul className="grid gap-1 text-sm sm:grid-cols-2">
                {team.services.map((s) => (
                  <li key={s.id} className="min-w-0 break-words">
                    <Link href={`${base}/services/${s.id}`} className={link}>
                      {s.name}
                    </Link>{" "}
                    <span className="text-slate-600">
                      · {s.kind} ·{" "}
                      {s.slice ? (
                        <Link href={`${base}/slices/${s.slice.id}`} className={link}>
                          {s.slice.name}
                        </Link>
                      ) : (
                        "in no slice"
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No services yet.</p>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="People">
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-slate-600">Leads</dt>
                <dd>{names(team.leads)}</dd>
              </div>
              <div>
                {/* A lead is a member too: this lists the rest, so "none" beside a lead is not a contradiction. */}
                <dt className="text-slate-600">Other members</dt>
                <dd>{team.others.length ? names(team.others) : "none"}</dd>
              </div>
            </dl>
          </Card>
          {canEdit ? (
            <Card title={canManage ? "Edit the team" : "Contact channel"}>
              <TeamDetailsForm slug={programme.slug} team={team} canRename={canManage} />
            </Card>
          ) : null}
          {canManage ? (
            <Card title="Leads and members">
              <TeamPeopleForm slug={programme.slug} teamId={team.id} teamName={team.name} people={people} leadIds={team.leads.map((p) => p.id)} memberIds={team.others.map((p) => p.id)} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
