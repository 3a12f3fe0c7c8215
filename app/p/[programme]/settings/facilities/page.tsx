import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { FacilityForm } from "@/components/facilities/facility-form";
import { WaveRequirementsForm } from "@/components/facilities/wave-requirements-form";
import { can } from "@/lib/auth/rules";
import { getFacilitiesSettings } from "@/lib/facilities/queries";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Platform facilities" };

export default async function FacilitiesPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const { facilities, teams, waves } = await getFacilitiesSettings(programme.id);
  const manage = can(programme.role, "facility.manage");
  const canEdit = manage.allowed;
  const ready = facilities.filter((f) => f.status === "ready").length;
  return (
    <>
      <PageHeader title="Platform facilities" description={`${ready} of ${facilities.length} ready. A wave that needs a facility that is not ready is a violation in the plan and a warning on the board.`} />
      {canEdit ? null : <ReadOnlyNotice className="mb-4" reason={`${manage.reason} Facilities and what each wave requires are a programme manager's to change.`} />}
      <Card title="Facilities">
        {facilities.length === 0 ? (
          <p className="text-sm text-slate-600">This programme tracks no platform facilities yet.</p>
        ) : (
          <ul className="space-y-3">
            {facilities.map((f) => (
              <li key={f.key}>
                <FacilityForm slug={programme.slug} facility={f} teams={teams} canEdit={canEdit} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="What each wave requires" className="mt-6">
        {waves.length === 0 ? (
          <p className="text-sm text-slate-600">No waves yet: plan the waves first.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            {waves.map((w) => (
              <li key={w.number}>
                <WaveRequirementsForm slug={programme.slug} wave={w} facilities={facilities} canEdit={canEdit} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
