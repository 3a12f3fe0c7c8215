import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/ui/placeholder";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Waves" };

export default async function Page({ params }: { params: Promise<{ programme: string }> }) {
  await getProgrammeForPage((await params).programme);
  return (
    <SectionPlaceholder
      title="Waves"
      intro="Slices grouped into waves ordered by the dependency graph."
      items={["A wave plan derived from the dependency graph, with a reason for every placement", "The wave board: move slices between waves with guard rails", "Platform facilities each wave needs, and who waits on whom"]}
    />
  );
}
