"use client";

import { secondaryButtonClass } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { setWaveFacilitiesAction } from "@/lib/facilities/actions";
import { facilityStatusLabel, type FACILITY_STATUSES } from "@/lib/facilities/schemas";

type Facility = { key: string; name: string; status: (typeof FACILITY_STATUSES)[number] };
type Wave = { number: number; name: string | null; facilityKeys: string[] };

const title = (wave: Wave) => `Wave ${wave.number}${wave.name ? `: ${wave.name}` : ""}`;
const readiness = (f: Facility) => <span className="text-xs text-slate-600">({facilityStatusLabel[f.status].toLowerCase()})</span>;

function Unready({ wave, facilities }: { wave: Wave; facilities: Facility[] }) {
  const unready = facilities.filter((f) => wave.facilityKeys.includes(f.key) && f.status !== "ready");
  return unready.length ? (
    <p className="mt-1 text-xs text-amber-900">
      <strong>Warning:</strong> {unready.map((f) => f.name).join(", ")} not ready
    </p>
  ) : null;
}

/** The facilities one wave requires, as checkboxes, with each facility's readiness in words; a list for whoever may not change them. */
export function WaveRequirementsForm({ slug, wave, facilities, canEdit }: { slug: string; wave: Wave; facilities: Facility[]; canEdit: boolean }) {
  if (!canEdit) {
    const required = facilities.filter((f) => wave.facilityKeys.includes(f.key));
    return (
      <section aria-label={title(wave)} className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-medium text-slate-900">{title(wave)}</h3>
        <Unready wave={wave} facilities={facilities} />
        {required.length ? (
          <ul className="mt-2 space-y-1 text-sm text-slate-800">
            {required.map((f) => (
              <li key={f.key}>
                {f.name} {readiness(f)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Requires no facility.</p>
        )}
      </section>
    );
  }
  return <EditableRequirements slug={slug} wave={wave} facilities={facilities} />;
}

function EditableRequirements({ slug, wave, facilities }: { slug: string; wave: Wave; facilities: Facility[] }) {
  const form = useActionForm(setWaveFacilitiesAction.bind(null, slug));
  return (
    <form {...form.props} className="rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="wave" value={wave.number} />
      <fieldset>
        <legend className="font-medium text-slate-900">{title(wave)}</legend>
        <Unready wave={wave} facilities={facilities} />
        <div className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2">
          {facilities.map((f) => (
            <label key={f.key} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="facilityKeys" value={f.key} defaultChecked={form.checkedOf("facilityKeys", wave.facilityKeys.includes(f.key), f.key)} />
              {f.name} {readiness(f)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
          {form.isPending ? "Saving…" : `Save wave ${wave.number}`}
        </button>
        <FormAlert form={form} success={form.state?.ok ? form.state.message : undefined} inline />
      </div>
    </form>
  );
}
