"use client";

import { useActionState, useState } from "react";
import { secondaryButtonClass } from "@/components/ui/field";
import { setWaveFacilitiesAction } from "@/lib/facilities/actions";
import { facilityStatusLabel, type FACILITY_STATUSES } from "@/lib/facilities/schemas";
import { ResultLine } from "./result-line";

/** The facilities one wave requires, as checkboxes, with each facility's readiness in words. */
export function WaveRequirementsForm({
  slug,
  wave,
  facilities,
  canEdit,
}: {
  slug: string;
  wave: { number: number; name: string | null; facilityKeys: string[] };
  facilities: { key: string; name: string; status: (typeof FACILITY_STATUSES)[number] }[];
  canEdit: boolean;
}) {
  const [state, action, isPending] = useActionState(setWaveFacilitiesAction.bind(null, slug), null);
  // Controlled: React resets a form after its action runs; the boxes must keep what was ticked.
  const [checked, setChecked] = useState(() => new Set(wave.facilityKeys));
  const toggle = (key: string) =>
    setChecked((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const unready = facilities.filter((f) => wave.facilityKeys.includes(f.key) && f.status !== "ready");
  return (
    <form action={action} className="rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="wave" value={wave.number} />
      <fieldset>
        <legend className="font-medium text-slate-900">
          Wave {wave.number}
          {wave.name ? `: ${wave.name}` : ""}
        </legend>
        {unready.length ? (
          <p className="mt-1 text-xs text-amber-900">
            <strong>Warning:</strong> {unready.map((f) => f.name).join(", ")} not ready
          </p>
        ) : null}
        <div className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2">
          {facilities.map((f) => (
            <label key={f.key} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="facilityKeys" value={f.key} checked={checked.has(f.key)} onChange={() => toggle(f.key)} disabled={!canEdit} />
              {f.name} <span className="text-xs text-slate-600">({facilityStatusLabel[f.status].toLowerCase()})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 flex items-center gap-3">
        {canEdit ? (
          <button type="submit" className={secondaryButtonClass} disabled={isPending}>
            {isPending ? "Saving…" : `Save wave ${wave.number}`}
          </button>
        ) : null}
        <ResultLine state={state} />
      </div>
    </form>
  );
}
