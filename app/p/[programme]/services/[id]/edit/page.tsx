import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ServiceForm } from "@/components/services/service-form";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { pageParamOrNotFound } from "@/lib/programmes/page-params";
import { getFilterOptions, getService } from "@/lib/services/queries";
import { updateServiceAction } from "@/lib/services/actions";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ programme: string; id: string }> }) {
  const { programme: slug, id } = await params;
  const { programme } = await getProgrammeForPage(slug);
  const [service, { teams }] = await Promise.all([getService(programme.id, pageParamOrNotFound(id)), getFilterOptions(programme.id)]);
  if (!service) notFound();
  const { dependsOn: _d, usedBy: _u, history: _h, slice: _s, createdAt: _c, updatedAt: _up, teamId: _t, sliceId: _si, ...fields } = service;
  return (
    <>
      <PageHeader title={`Edit ${service.name}`} description="Changes are recorded in the service's history." />
      <ServiceForm action={updateServiceAction.bind(null, programme.slug)} values={{ ...fields, team: service.team?.name ?? null }} teams={teams.map((t) => t.name)} submitLabel="Save changes" />
    </>
  );
}
