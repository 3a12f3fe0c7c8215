"use client";

import { useEffect, useEffectEvent } from "react";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { bulkEditServicesAction } from "@/lib/services/actions";
import { STRATEGIES } from "@/lib/inventory/model";
import { BULK_EDIT_NO_TEAM } from "@/lib/services/schemas";
import { strategyLabel } from "./labels";

const NO_CHANGE = "";

/** The bulk-edit bar for the selected rows: only the fields given a value are changed. */
export function BulkEdit({ slug, ids, names, teams, allowNoTeam, onDone }: { slug: string; ids: string[]; names: string[]; teams: string[]; allowNoTeam: boolean; onDone: () => void }) {
  const form = useActionForm(bulkEditServicesAction.bind(null, slug));
  const done = form.state?.ok ? form.state.data : null;
  const finish = useEffectEvent(onDone);
  useEffect(() => {
    if (done) finish();
  }, [done]);
  const summary = done ? `Updated ${done.changed} service${done.changed === 1 ? "" : "s"}${done.unchanged ? ` (${done.unchanged} already matched)` : ""}.` : "";

  if (ids.length === 0) {
    return done ? (
      <p role="status" className="mb-3 text-sm text-emerald-800">
        {summary}
      </p>
    ) : null;
  }

  const field = (name: string) => ({ id: `bulk-${name}`, name, errors: form.errorsOf(name), defaultValue: form.valueOf(name, NO_CHANGE), controlClassName: "py-1.5" });
  return (
    <section aria-labelledby="bulk-edit-title" className="mb-4 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="bulk-edit-title" className="text-sm font-semibold text-slate-900">
        Bulk edit {ids.length} selected service{ids.length === 1 ? "" : "s"}
      </h2>
      <p className="mt-1 truncate text-xs text-slate-600">{names.join(", ")}</p>
      <form {...form.props} className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-4 xl:grid-cols-7">
        {ids.map((id) => (
          <input key={id} type="hidden" name="ids" value={id} />
        ))}
        <SelectField label="Owner team" {...field("team")} choices={[[NO_CHANGE, "No change"], ...(allowNoTeam ? [[BULK_EDIT_NO_TEAM, "No team"] as const] : []), ...teams.map((t) => [t, t] as const)]} />
        <SelectField label="Strategy" {...field("strategy")} choices={[[NO_CHANGE, "No change"], ...STRATEGIES.map((s) => [s, strategyLabel[s]] as const)]} />
        <SelectField label="Tier" {...field("tier")} choices={[[NO_CHANGE, "No change"], ...[1, 2, 3, 4].map((n) => [String(n), `Tier ${n}`] as const)]} />
        <Field label="Add tags" {...field("addTags")} placeholder="pci, wave-1" />
        <Field label="Remove tags" {...field("removeTags")} />
        <Field label="Target namespace" {...field("targetNamespace")} />
        <div className="flex flex-col justify-end gap-2">
          <CheckboxField id="bulk-clearNamespace" name="clearNamespace" label="Clear namespace" defaultChecked={form.checkedOf("clearNamespace", false)} />
          <button type="submit" disabled={form.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {form.isPending ? "Applying…" : "Apply to selected"}
          </button>
        </div>
        <FormAlert form={form} className="sm:col-span-2 md:col-span-4 xl:col-span-7" />
      </form>
    </section>
  );
}
