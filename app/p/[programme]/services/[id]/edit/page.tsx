import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ReadOnlyPage } from "@/components/ui/read-only";
import { ServiceForm } from "@/components/services/service-form";
import { teamIdsOf } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { pageParamOrNotFound } from "@/lib/programmes/page-params";
import { getFilterOptions, getService } from "@/lib/services/queries";
import { updateServiceAction } from "@/lib/services/actions";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ programme: string; id: string }> }) {
  const { programme: slug, id } = await params;
  const { actor, programme } = await getProgrammeForPage(slug);
  const [service, { teams }] = await Promise.all([getService(programme.id, pageParamOrNotFound(id)), getFilterOptions(programme.id)]);
  if (!service) notFound();
  // The rule update-service checks (a lead edits only what their teams own, and moves it only to them).
  const memberTeamIds = programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [];
  const decision = can(programme.role, "service.edit", { memberTeamIds, ownerTeamIds: [service.team?.id ?? null] });
  const href = `/p/${programme.slug}/services/${service.id}`;
  if (!decision.allowed) return <ReadOnlyPage title={`Edit ${service.name}`} reason={decision.reason} back={{ href, label: `Read ${service.name}` }} />;
  const owners = teams.filter((t) => t.id === service.team?.id || can(programme.role, "service.edit", { memberTeamIds, ownerTeamIds: [t.id] }).allowed);
  const { dependsOn: _d, usedBy: _u, history: _h, slice: _s, createdAt: _c, updatedAt: _up, teamId: _t, sliceId: _si, ...fields } = service;
  return (
    <>
      <PageHeader title={`Edit ${service.name}`} description="Changes are recorded in the service's history." />
      <ServiceForm
        action={updateServiceAction.bind(null, programme.slug)}
        values={{ ...fields, team: service.team?.name ?? null }}
        teams={owners.map((t) => t.name)}
        // A lead cannot leave their team's service without an owner (rules.ts).
        allowNoTeam={can(programme.role, "service.edit", { memberTeamIds, ownerTeamIds: [null] }).allowed}
        submitLabel="Save changes"
      />
    </>
  );
}
