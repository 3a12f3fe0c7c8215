"use client";

import { Field, SelectField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { addDependencyAction, removeDependencyAction, retypeDependencyAction } from "@/lib/dependencies/actions";
import { DEPENDENCY_KINDS } from "@/lib/inventory/model";
import { dependencyKindLabel } from "./labels";

/** Adds a dependency of this service on another one, by name. */
export function AddDependency({ slug, fromId, candidates }: { slug: string; fromId: string; candidates: string[] }) {
  const form = useActionForm(addDependencyAction.bind(null, slug));
  return (
    <form {...form.props} className="mt-3 space-y-2" aria-label="Add a dependency">
      <input type="hidden" name="fromId" value={fromId} />
      <div className="flex flex-wrap items-end gap-2">
        <Field id="add-dependency-to" label="Depends on" name="to" list="service-names" required className="w-full sm:w-56" errors={form.errorsOf("to")} defaultValue={form.valueOf("to", "")} />
        <datalist id="service-names">
          {candidates.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <SelectField id="add-dependency-kind" label="Kind" name="kind" errors={form.errorsOf("kind")} defaultValue={form.valueOf("kind", "sync")} choices={DEPENDENCY_KINDS.map((k) => [k, dependencyKindLabel[k]] as const)} />
        <button type="submit" disabled={form.isPending} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          Add dependency
        </button>
      </div>
      <FormAlert form={form} success="Added." />
    </form>
  );
}

/** Retype or remove one dependency, in its table row. */
export function DependencyRowControls({ slug, id, kind, label }: { slug: string; id: string; kind: string; label: string }) {
  const retype = useActionForm(retypeDependencyAction.bind(null, slug));
  const remove = useActionForm(removeDependencyAction.bind(null, slug));
  const retypeKind = retype.valueOf("kind", kind);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form {...retype.props} className="flex items-center gap-1">
        <input type="hidden" name="id" value={id} />
        <label className="sr-only" htmlFor={`kind-${id}`}>
          Kind of the dependency on {label}
        </label>
        <select key={retypeKind} id={`kind-${id}`} name="kind" defaultValue={retypeKind} aria-invalid={retype.errorsOf("kind") ? true : undefined} className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm">
          {DEPENDENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <button type="submit" disabled={retype.isPending} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
          Change<span className="sr-only"> kind of the dependency on {label}</span>
        </button>
        <FormAlert form={retype} inline />
      </form>
      <form {...remove.props}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={remove.isPending} className="rounded-md border border-rose-300 px-2 py-1 text-xs text-rose-800 hover:bg-rose-50">
          Remove<span className="sr-only"> the dependency on {label}</span>
        </button>
        <FormAlert form={remove} inline />
      </form>
    </div>
  );
}
