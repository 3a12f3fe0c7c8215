import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/ui/placeholder";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Settings" };

export default async function Page({ params }: { params: Promise<{ programme: string }> }) {
  await getProgrammeForPage((await params).programme);
  return (
    <SectionPlaceholder
      title="Settings"
      intro="People, roles, templates and platform facilities."
      items={["People and access: members, roles, team memberships, API tokens", "Checklist templates for the definition of done", "Platform facilities and their readiness"]}
    />
  );
}
