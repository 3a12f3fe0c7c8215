import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ReadOnlyPage } from "@/components/ui/read-only";
import { WaveEditForm } from "@/components/waves/wave-edit-form";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { waveNumberOrNotFound } from "@/lib/programmes/page-params";
import { getWave } from "@/lib/waves/queries";

export const metadata: Metadata = { title: "Edit wave" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function EditWavePage({ params }: { params: Promise<{ programme: string; number: string }> }) {
  const { programme: slug, number } = await params;
  const { programme } = await getProgrammeForPage(slug);
  const wave = await getWave(programme.id, waveNumberOrNotFound(number));
  if (!wave) notFound();
  const decision = can(programme.role, "wave.edit");
  if (!decision.allowed) {
    return <ReadOnlyPage title={`Edit wave ${wave.number}`} reason={`${decision.reason} A wave's name, goal and dates are a programme manager's to change.`} back={{ href: `/p/${programme.slug}/waves#wave-${wave.number}`, label: `Wave ${wave.number} on the board` }} />;
  }
  return (
    <>
      <PageHeader title={`Edit wave ${wave.number}`} description="Name, goal and planned dates. Which facilities the wave needs is set under Settings, Platform facilities." />
      <WaveEditForm slug={programme.slug} wave={{ number: wave.number, name: wave.name ?? "", goal: wave.goal ?? "", plannedStart: day(wave.plannedStart), plannedEnd: day(wave.plannedEnd) }} />
    </>
  );
}
