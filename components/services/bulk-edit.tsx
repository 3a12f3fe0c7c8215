"use client";

import { useState, useTransition } from "react";
import { bulkEditServicesAction } from "@/lib/services/actions";
import { STRATEGIES } from "@/lib/inventory/model";
import { BULK_EDIT_NO_TEAM } from "@/lib/services/schemas";
import { strategyLabel } from "./labels";

const NO_CHANGE = "";

/** The bulk-edit bar for the selected rows: only the fields given a value are changed. */
export function BulkEdit({ slug, ids, names, teams, onDone }: { slug: string; ids: string[]; names: string[]; teams: string[]; onDone: () => void }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (ids.length === 0) {
    return message ? (
      <p role="status" className="mb-3 text-sm text-emerald-800">
        {message.text}
      </p>
    ) : null;
  }

  function submit(form: FormData) {
    for (const id of ids) form.append("ids", id);
    start(async () => {
      const result = await bulkEditServicesAction(slug, null, form);
      if (result.ok) {
        setMessage({ ok: true, text: `Updated ${result.data.changed} service${result.data.changed === 1 ? "" : "s"}${result.data.unchanged ? ` (${result.data.unchanged} already matched)` : ""}.` });
        onDone();
      } else {
        setMessage({ ok: false, text: [result.formError, ...Object.values(result.fieldErrors).flat()].join(" ") });
      }
    });
  }

  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <section aria-labelledby="bulk-edit-title" className="mb-4 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="bulk-edit-title" className="text-sm font-semibold text-slate-900">
        Bulk edit {ids.length} selected service{ids.length === 1 ? "" : "s"}
      </h2>
      <p className="mt-1 truncate text-xs text-slate-600">{names.join(", ")}</p>
      <form action={submit} className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <label className="text-xs font-medium text-slate-700">
          Owner team
          <select name="team" className={field} defaultValue={NO_CHANGE}>
            <option value={NO_CHANGE}>No change</option>
            <option value={BULK_EDIT_NO_TEAM}>No team</option>
            {teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-700">
          Strategy
          <select name="strategy" className={field} defaultValue="">
            <option value="">No change</option>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {strategyLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-700">
          Tier
          <select name="tier" className={field} defaultValue="">
            <option value="">No change</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                Tier {n}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-700">
          Add tags
          <input name="addTags" className={field} placeholder="pci, wave-1" />
        </label>
        <label className="text-xs font-medium text-slate-700">
          Remove tags
          <input name="removeTags" className={field} />
        </label>
        <label className="text-xs font-medium text-slate-700">
          Target namespace
          <input name="targetNamespace" className={field} />
        </label>
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2 text-xs text-slate-700">
            <input type="checkbox" name="clearNamespace" /> Clear namespace
          </label>
          <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? "Applying…" : "Apply to selected"}
          </button>
        </div>
      </form>
      <p aria-live="polite" role={message && !message.ok ? "alert" : undefined} className={`mt-2 text-sm ${message?.ok ? "text-emerald-800" : "text-rose-700"}`}>
        {message?.text}
      </p>
    </section>
  );
}
