import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, PageHeader } from "@/components/ui/card";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { CadenceForm } from "@/components/waves/cadence-form";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getWaveCadence } from "@/lib/waves/queries";

export const metadata: Metadata = { title: "Wave cadence" };

export default async function CadencePage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const cadence = await getWaveCadence(programme.id);
  const edit = can(programme.role, "wave.edit");
  return (
    <>
      <Breadcrumb href={`/p/${programme.slug}/settings`} label="Settings" />
      <PageHeader title="Wave cadence" description="How long a wave lasts and when wave 1 starts. A plan dates the waves it creates by it; without a cadence they are not scheduled until someone sets their dates." />
      <Card title={cadence.waveLengthWeeks ? `${cadence.waveLengthWeeks}-week waves from ${cadence.wavesStartOn}` : "No cadence yet"}>
        {edit.allowed ? (
          <CadenceForm slug={programme.slug} waveLengthWeeks={cadence.waveLengthWeeks} wavesStartOn={cadence.wavesStartOn} undated={cadence.undated} />
        ) : (
          <ReadOnlyNotice reason={edit.reason} />
        )}
      </Card>
    </>
  );
}
