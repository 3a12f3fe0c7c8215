import { redirect } from "next/navigation";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getCurrentWeek } from "@/lib/reports/queries";

// The reports section opens on the current week, counted in the programme's time zone.
export default async function ReportsPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  redirect(`/p/${programme.slug}/reports/${await getCurrentWeek(programme.id)}`);
}
