"use client";

import { buttonClass, SelectField, TextareaField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { updateFacilityAction } from "@/lib/facilities/actions";
import { FACILITY_STATUSES, facilityStatusLabel } from "@/lib/facilities/schemas";

export type FacilityRow = { key: string; name: string; description: string | null; status: (typeof FACILITY_STATUSES)[number]; ownerTeamId: string | null; notes: string | null; waves: number[] };

const box = "grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[2fr_1fr_1fr_2fr_auto] md:items-end";

function Heading({ facility, id }: { facility: FacilityRow; id: string }) {
  return (
    <div>
      <h3 id={id} className="font-medium text-slate-900">
        {facility.name}
      </h3>
      {facility.description ? <p className="text-xs text-slate-600">{facility.description}</p> : null}
      <p className="mt-1 text-xs text-slate-600">Required by {facility.waves.length ? `wave${facility.waves.length === 1 ? "" : "s"} ${facility.waves.join(", ")}` : "no wave"}</p>
    </div>
  );
}

/** One facility's status, owner team and notes, saved on its own; read-only for whoever may not change it. */
export function FacilityForm({ slug, facility, teams, canEdit }: { slug: string; facility: FacilityRow; teams: { id: string; name: string }[]; canEdit: boolean }) {
  const id = (field: string) => `facility-${facility.key}-${field}`;
  if (!canEdit) {
    const owner = teams.find((t) => t.id === facility.ownerTeamId)?.name;
    return (
      <section aria-labelledby={id("name")} className={box}>
        <Heading facility={facility} id={id("name")} />
        <dl className="contents text-sm">
          {[
            ["Status", facilityStatusLabel[facility.status]],
            ["Owner team", owner ?? "No owner"],
            ["Notes", facility.notes || "None"],
          ].map(([term, value]) => (
            <div key={term}>
              <dt className="text-xs font-medium text-slate-600">{term}</dt>
              <dd className="mt-1 whitespace-pre-line text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }
  return <EditableFacility slug={slug} facility={facility} teams={teams} id={id} />;
}

function EditableFacility({ slug, facility, teams, id }: { slug: string; facility: FacilityRow; teams: { id: string; name: string }[]; id: (field: string) => string }) {
  const form = useActionForm(updateFacilityAction.bind(null, slug));
  return (
    <form {...form.props} aria-labelledby={id("name")} className={box}>
      <input type="hidden" name="key" value={facility.key} />
      <Heading facility={facility} id={id("name")} />
      <SelectField
        id={id("status")}
        label="Status"
        name="status"
        errors={form.errorsOf("status")}
        defaultValue={form.valueOf("status", facility.status)}
        choices={FACILITY_STATUSES.map((s) => [s, facilityStatusLabel[s]] as const)}
      />
      <SelectField
        id={id("owner")}
        label="Owner team"
        name="ownerTeamId"
        errors={form.errorsOf("ownerTeamId")}
        defaultValue={form.valueOf("ownerTeamId", facility.ownerTeamId)}
        choices={[["", "No owner"], ...teams.map((t) => [t.id, t.name] as const)]}
      />
      {/* Several lines: a note ("paging covers Platform only until ...") was cut off in a one-line field. */}
      <TextareaField id={id("notes")} label="Notes" name="notes" rows={2} maxLength={1000} errors={form.errorsOf("notes")} defaultValue={form.valueOf("notes", facility.notes)} />
      <div className="flex flex-col items-start gap-1">
        <button type="submit" className={buttonClass} disabled={form.isPending} aria-label={`Save ${facility.name}`}>
          {form.isPending ? "Saving…" : "Save"}
        </button>
        <FormAlert form={form} success={form.state?.ok ? form.state.message : undefined} inline />
      </div>
    </form>
  );
}
