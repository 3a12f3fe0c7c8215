"use client";

import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/field";
import { updateFacilityAction } from "@/lib/facilities/actions";
import { FACILITY_STATUSES, facilityStatusLabel } from "@/lib/facilities/schemas";
import { ResultLine } from "./result-line";

export type FacilityRow = { key: string; name: string; description: string | null; status: (typeof FACILITY_STATUSES)[number]; ownerTeamId: string | null; notes: string | null; waves: number[] };

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-100";

/** One facility's status, owner team and notes, saved on its own. */
export function FacilityForm({ slug, facility, teams, canEdit }: { slug: string; facility: FacilityRow; teams: { id: string; name: string }[]; canEdit: boolean }) {
  const [state, action, isPending] = useActionState(updateFacilityAction.bind(null, slug), null);
  const id = (field: string) => `facility-${facility.key}-${field}`;
  // Controlled: React resets a form after its action runs; the fields must keep what was chosen.
  const [status, setStatus] = useState(facility.status);
  const [owner, setOwner] = useState(facility.ownerTeamId ?? "");
  const [notes, setNotes] = useState(facility.notes ?? "");
  return (
    <form action={action} aria-labelledby={id("name")} className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[2fr_1fr_1fr_2fr_auto] md:items-end">
      <input type="hidden" name="key" value={facility.key} />
      <div>
        <h3 id={id("name")} className="font-medium text-slate-900">
          {facility.name}
        </h3>
        {facility.description ? <p className="text-xs text-slate-600">{facility.description}</p> : null}
        <p className="mt-1 text-xs text-slate-600">Required by {facility.waves.length ? `wave${facility.waves.length === 1 ? "" : "s"} ${facility.waves.join(", ")}` : "no wave"}</p>
      </div>
      <div>
        <label htmlFor={id("status")} className="block text-xs font-medium text-slate-800">
          Status
        </label>
        <select id={id("status")} name="status" value={status} onChange={(e) => setStatus(e.target.value as FacilityRow["status"])} disabled={!canEdit} className={control}>
          {FACILITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {facilityStatusLabel[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id("owner")} className="block text-xs font-medium text-slate-800">
          Owner team
        </label>
        <select id={id("owner")} name="ownerTeamId" value={owner} onChange={(e) => setOwner(e.target.value)} disabled={!canEdit} className={control}>
          <option value="">No owner</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id("notes")} className="block text-xs font-medium text-slate-800">
          Notes
        </label>
        <input id={id("notes")} name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={1000} disabled={!canEdit} className={control} />
      </div>
      <div className="flex flex-col items-start gap-1">
        {canEdit ? (
          <button type="submit" className={buttonClass} disabled={isPending} aria-label={`Save ${facility.name}`}>
            {isPending ? "Saving…" : "Save"}
          </button>
        ) : null}
        <ResultLine state={state} />
      </div>
    </form>
  );
}
