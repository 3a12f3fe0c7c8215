import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/ui/placeholder";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Slices" };

export default async function Page({ params }: { params: Promise<{ programme: string }> }) {
  await getProgrammeForPage((await params).programme);
  return (
    <SectionPlaceholder
      title="Slices"
      intro="The units that move, each through traffic stages 0 → mirror → 1% → 10% → 50% → 100%."
      items={["Every slice with its stage, status, checklist progress and owner", "Definition-of-done checklists that gate each traffic stage", "Stage moves and rollbacks on the record, and rollout state read from Argo Rollouts, Flagger or Istio"]}
    />
  );
}
