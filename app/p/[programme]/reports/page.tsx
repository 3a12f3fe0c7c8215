import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/ui/placeholder";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Reports" };

export default async function Page({ params }: { params: Promise<{ programme: string }> }) {
  await getProgrammeForPage((await params).programme);
  return (
    <SectionPlaceholder
      title="Reports"
      intro="The weekly stakeholder report, for any past week."
      items={["Headline progress, what moved, what is blocked and what comes next", "A completion forecast from the observed pace against the target date", "Exports in Markdown, PDF and CSV"]}
    />
  );
}
