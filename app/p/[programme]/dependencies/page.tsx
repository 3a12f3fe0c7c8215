import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/ui/placeholder";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Dependencies" };

export default async function Page({ params }: { params: Promise<{ programme: string }> }) {
  await getProgrammeForPage((await params).programme);
  return (
    <SectionPlaceholder
      title="Dependencies"
      intro="The dependency graph the migration order falls out of: leaves first, shared infrastructure last."
      items={["An explorer of the dependency graph, by team, wave and kind of dependency", "Cycles highlighted by name: they move together", "What a service uses and what uses it, a few hops out"]}
    />
  );
}
