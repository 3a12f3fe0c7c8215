"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
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

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-rose-600";

/** Create and edit: every inventory field, with each field's error next to it. */
export function ServiceForm({ action, values, teams, submitLabel }: { action: Action; values: ServiceFormValues; teams: string[]; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};

  const errorOf = (name: string) =>
    errors[name]?.length ? (
      <span id={`${name}-error`} className="mt-1 block text-xs text-rose-700">
        {errors[name].join(" ")}
      </span>
    ) : null;
  const described = (name: string) => (errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
  const text = (name: keyof ServiceFormValues, label: string, opts: { hint?: string; long?: boolean; type?: string } = {}) => {
    const raw = values[name];
    const value = Array.isArray(raw) ? raw.join(", ") : (raw ?? "").toString();
    return (
      <label className="block text-sm font-medium text-slate-800">
        {label}
        {opts.hint ? <span className="block text-xs font-normal text-slate-500">{opts.hint}</span> : null}
        {opts.long ? (
          <textarea name={name} defaultValue={value} rows={3} className={input} {...described(name)} />
        ) : (
          <input name={name} type={opts.type ?? "text"} defaultValue={value} className={input} {...described(name)} />
        )}
        <span aria-live="polite">{errorOf(name)}</span>
      </label>
    );
  };
  const check = (name: keyof ServiceFormValues, label: string) => (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" name={name} defaultChecked={Boolean(values[name])} />
      {label}
    </label>
  );

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <p aria-live="polite" className="text-sm text-rose-700" data-testid="form-error">
        {state && !state.ok ? state.formError : null}
      </p>
      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Identity and ownership</legend>
        {text("name", "Name", { hint: "Lowercase letters, digits and hyphens, starting with a letter" })}
        <label className="block text-sm font-medium text-slate-800">
          Owner team
          <select name="team" defaultValue={values.team ?? ""} className={input} {...described("team")}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <span aria-live="polite">{errorOf("team")}</span>
        </label>
        <label className="block text-sm font-medium text-slate-800">
          Kind
          <select name="kind" defaultValue={values.kind} className={input} {...described("kind")}>
            {SERVICE_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <span aria-live="polite">{errorOf("kind")}</span>
        </label>
        {text("system", "System")}
        <div className="md:col-span-2">{text("description", "Description", { long: true })}</div>
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">State and data</legend>
        <div className="space-y-2">
          {check("stateful", "Stateful (keeps data of its own)")}
          {check("shared", "Shared infrastructure (moves last, like a datastore)")}
          {check("sessionSticky", "Needs sticky sessions")}
        </div>
        {text("dataStores", "Data stores it uses", { hint: "Separated by commas" })}
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Configuration, build and launch</legend>
        <div role="group" aria-labelledby="config-sources-label">
          <span id="config-sources-label" className="block text-sm font-medium text-slate-800">
            Configured through
          </span>
          <div className="mt-1 flex flex-wrap gap-4">
            {CONFIG_SOURCES.map((c) => (
              <label key={c} className="flex items-center gap-1.5 text-sm text-slate-800">
                <input type="checkbox" name="configSources" value={c} defaultChecked={values.configSources.includes(c)} /> {c}
              </label>
            ))}
          </div>
          <span aria-live="polite">{errorOf("configSources")}</span>
        </div>
        {text("configNotes", "Configuration notes", { long: true })}
        {text("launchCommand", "Launch command")}
        {text("buildCommand", "Build command")}
        {text("migrateCommand", "Database migration command")}
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Migration</legend>
        <label className="block text-sm font-medium text-slate-800">
          Tier (business criticality)
          <select name="tier" defaultValue={values.tier} className={input} {...described("tier")}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
                {n === 1 ? " (most critical)" : ""}
              </option>
            ))}
          </select>
          <span aria-live="polite">{errorOf("tier")}</span>
        </label>
        <label className="block text-sm font-medium text-slate-800">
          Strategy
          <select name="strategy" defaultValue={values.strategy} className={input} {...described("strategy")}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {strategyLabel[s]}
              </option>
            ))}
          </select>
          <span aria-live="polite">{errorOf("strategy")}</span>
        </label>
        {text("peakRps", "Peak requests per second", { type: "number" })}
        {text("legacyPlatform", "Legacy platform")}
        {text("targetCluster", "Target cluster")}
        {text("targetNamespace", "Target namespace")}
        {text("repositoryUrl", "Repository URL", { type: "url" })}
        {text("tags", "Tags", { hint: "Separated by commas" })}
      </fieldset>

      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
