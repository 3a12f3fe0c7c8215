import { redirect } from "next/navigation";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getProgrammeTimeZone } from "@/lib/programmes/queries";
import { weekAt } from "@/lib/reports/weeks";

// The reports section opens on the current week, counted in the programme's time zone.
export default async function ReportsPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  redirect(`/p/${programme.slug}/reports/${weekAt(Date.now(), await getProgrammeTimeZone(programme.id))}`);
}
