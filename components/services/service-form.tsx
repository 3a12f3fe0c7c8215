"use client";

import { CheckboxField, Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormAlert, useActionForm, type FormAction } from "@/components/ui/form";
import { CONFIG_SOURCES, SERVICE_KINDS, STRATEGIES } from "@/lib/inventory/model";
import { strategyLabel } from "./labels";

export type ServiceFormValues = {
  id?: string;
  name: string;
  description: string | null;
  team: string | null;
  kind: string;
  stateful: boolean;
  shared: boolean;
  dataStores: string[];
  sessionSticky: boolean;
  configSources: string[];
  configNotes: string | null;
  launchCommand: string | null;
  buildCommand: string | null;
  migrateCommand: string | null;
  peakRps: number | null;
  tier: number;
  legacyPlatform: string | null;
  targetCluster: string | null;
  targetNamespace: string | null;
  strategy: string;
  repositoryUrl: string | null;
  system: string | null;
  tags: string[];
};

type Fields = Omit<ServiceFormValues, "id">;
type TextName = { [K in keyof Fields]: Fields[K] extends boolean ? never : K }[keyof Fields];
type CheckName = { [K in keyof Fields]: Fields[K] extends boolean ? K : never }[keyof Fields];

const legend = "mb-2 text-base font-semibold text-slate-900";

/** Create and edit: every inventory field, each error under its field, nothing typed ever lost. */
export function ServiceForm({ action, values, teams, submitLabel, allowNoTeam = true }: { action: FormAction<unknown>; values: ServiceFormValues; teams: string[]; submitLabel: string; /** Offer "No team" (a lead may not disown). */ allowNoTeam?: boolean }) {
  const form = useActionForm(action);
  const initial = (name: TextName) => {
    const raw = values[name];
    return Array.isArray(raw) ? raw.join(", ") : raw;
  };
  const text = (name: TextName, label: string, opts: { hint?: string; long?: boolean; type?: string; className?: string } = {}) => {
    const common = { name, label, hint: opts.hint, errors: form.errorsOf(name), defaultValue: form.valueOf(name, initial(name)), className: opts.className };
    return opts.long ? <TextareaField {...common} rows={3} /> : <Field {...common} type={opts.type ?? "text"} />;
  };
  const check = (name: CheckName, label: string) => <CheckboxField name={name} label={label} errors={form.errorsOf(name)} defaultChecked={form.checkedOf(name, values[name])} />;
  const select = (name: TextName, label: string, choices: readonly (readonly [string, string])[]) => (
    <SelectField name={name} label={label} errors={form.errorsOf(name)} defaultValue={form.valueOf(name, initial(name))} choices={choices} />
  );

  return (
    <form {...form.props} className="space-y-6" noValidate aria-label={submitLabel}>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <FormAlert form={form} />
      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className={legend}>Identity and ownership</legend>
        {text("name", "Name", { hint: "Lowercase letters, digits and hyphens, starting with a letter" })}
        {select("team", "Owner team", [...(allowNoTeam ? [["", "No team"] as const] : []), ...teams.map((t) => [t, t] as const)])}
        {select("kind", "Kind", SERVICE_KINDS.map((k) => [k, k] as const))}
        {text("system", "System")}
        {text("description", "Description", { long: true, className: "md:col-span-2" })}
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className={legend}>State and data</legend>
        <div className="space-y-2">
          {check("stateful", "Stateful (keeps data of its own)")}
          {check("shared", "Shared infrastructure (moves last, like a datastore)")}
          {check("sessionSticky", "Needs sticky sessions")}
        </div>
        {text("dataStores", "Data stores it uses", { hint: "Separated by commas" })}
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className={legend}>Configuration, build and launch</legend>
        <fieldset aria-describedby={form.errorsOf("configSources") ? "config-sources-error" : undefined}>
          <legend className="block text-sm font-medium text-slate-800">Configured through</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {CONFIG_SOURCES.map((c) => (
              <CheckboxField key={c} name="configSources" value={c} label={c} aria-invalid={form.errorsOf("configSources") ? true : undefined} defaultChecked={form.checkedOf("configSources", values.configSources.includes(c), c)} />
            ))}
          </div>
          {form.errorsOf("configSources") ? (
            <p id="config-sources-error" className="mt-1 text-xs font-medium text-rose-700">
              {form.errorsOf("configSources")?.join(" ")}
            </p>
          ) : null}
        </fieldset>
        {text("configNotes", "Configuration notes", { long: true })}
        {text("launchCommand", "Launch command")}
        {text("buildCommand", "Build command")}
        {text("migrateCommand", "Database migration command")}
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className={legend}>Migration</legend>
        {select("tier", "Tier (business criticality)", [1, 2, 3, 4].map((n) => [String(n), `${n}${n === 1 ? " (most critical)" : ""}`] as const))}
        {select("strategy", "Strategy", STRATEGIES.map((s) => [s, strategyLabel[s]] as const))}
        {text("peakRps", "Peak requests per second", { type: "number" })}
        {text("legacyPlatform", "Legacy platform")}
        {text("targetCluster", "Target cluster")}
        {text("targetNamespace", "Target namespace")}
        {text("repositoryUrl", "Repository URL", { type: "url" })}
        {text("tags", "Tags", { hint: "Separated by commas" })}
      </fieldset>

      <button type="submit" disabled={form.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {form.isPending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
