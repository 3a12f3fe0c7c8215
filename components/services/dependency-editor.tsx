"use client";

import { useActionState } from "react";
import { addDependencyAction, removeDependencyAction, retypeDependencyAction } from "@/lib/dependencies/actions";
import { DEPENDENCY_KINDS } from "@/lib/inventory/model";
import { dependencyKindLabel } from "./labels";

/** Adds a dependency of this service on another one, by name. */
export function AddDependency({ slug, fromId, candidates }: { slug: string; fromId: string; candidates: string[] }) {
  const [state, action, pending] = useActionState(addDependencyAction.bind(null, slug), null);
  const error = state && !state.ok ? (state.fieldErrors.to?.join(" ") ?? state.formError) : null;
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-2">
      <input type="hidden" name="fromId" value={fromId} />
      <label className="text-sm font-medium text-slate-800">
        Depends on
        <input name="to" list="service-names" required aria-invalid={error ? true : undefined} aria-describedby="add-dependency-error" className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        <datalist id="service-names">
          {candidates.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Kind
        <select name="kind" defaultValue="sync" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          {DEPENDENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {dependencyKindLabel[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        Add dependency
      </button>
      <p id="add-dependency-error" aria-live="polite" className="w-full text-sm text-rose-700">
        {error}
      </p>
    </form>
  );
}

/** Retype or remove one dependency, in its table row. */
export function DependencyRowControls({ slug, id, kind, label }: { slug: string; id: string; kind: string; label: string }) {
  const [retypeState, retype, retyping] = useActionState(retypeDependencyAction.bind(null, slug), null);
  const [removeState, remove, removing] = useActionState(removeDependencyAction.bind(null, slug), null);
  const error = [retypeState, removeState].find((s) => s && !s.ok);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={retype} className="flex items-center gap-1">
        <input type="hidden" name="id" value={id} />
        <label className="sr-only" htmlFor={`kind-${id}`}>
          Kind of the dependency on {label}
        </label>
        <select id={`kind-${id}`} name="kind" defaultValue={kind} className="rounded-md border border-slate-300 px-1.5 py-1 text-sm">
          {DEPENDENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <button type="submit" disabled={retyping} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
          Change<span className="sr-only"> kind of the dependency on {label}</span>
        </button>
      </form>
      <form action={remove}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={removing} className="rounded-md border border-rose-300 px-2 py-1 text-xs text-rose-800 hover:bg-rose-50">
          Remove<span className="sr-only"> the dependency on {label}</span>
        </button>
      </form>
      <span aria-live="polite" className="text-xs text-rose-700">
        {error && !error.ok ? error.formError : null}
      </span>
    </div>
  );
}
