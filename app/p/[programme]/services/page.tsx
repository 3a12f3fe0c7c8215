import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/ui/placeholder";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Services" };

export default async function Page({ params }: { params: Promise<{ programme: string }> }) {
  await getProgrammeForPage((await params).programme);
  return (
    <SectionPlaceholder
      title="Services"
      intro="The inventory: every service of the legacy estate, its owner, dependencies, data and how it is built, configured and launched."
      items={["A fast, filterable table of every service, with filters kept in the URL so a view can be shared", "Each service's page with its dependencies both ways, its data stores, its slice and its history", "Bulk edit of owner team, strategy, tier, tags and target namespace", "Import from a Backstage catalog or a spreadsheet, and a lossless JSON backup"]}
    />
  );
}
