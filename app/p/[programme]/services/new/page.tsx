import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { ReadOnlyPage } from "@/components/ui/read-only";
import { ServiceForm } from "@/components/services/service-form";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getFilterOptions } from "@/lib/services/queries";
import { createServiceAction } from "@/lib/services/actions";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const base = `/p/${programme.slug}`;
  // The same rule the mutation checks: a page never offers a form the server would refuse.
  const decision = can(programme.role, "service.create");
  if (!decision.allowed) return <ReadOnlyPage title="New service" reason={`${decision.reason} Adding a service to the inventory is for programme managers.`} back={{ href: `${base}/services`, label: "Back to the services" }} />;
  const { teams } = await getFilterOptions(programme.id);
  const values = {
    name: "", description: null, team: null, kind: "api", stateful: false, shared: false, dataStores: [], sessionSticky: false, configSources: [], configNotes: null,
    launchCommand: null, buildCommand: null, migrateCommand: null, peakRps: null, tier: 3, legacyPlatform: null, targetCluster: null, targetNamespace: null,
    strategy: "rehost", repositoryUrl: null, system: null, tags: [],
  };
  return (
    <>
      <PageHeader title="New service" description="Add one service of the legacy estate to the inventory." />
      <ServiceForm action={createServiceAction.bind(null, programme.slug)} values={values} teams={teams.map((t) => t.name)} submitLabel="Create service" />
    </>
  );
}
