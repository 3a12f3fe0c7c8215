"use client";

import { useState } from "react";
import { CheckboxField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { deleteServiceAction } from "@/lib/services/actions";

/** Delete with a confirmation step; when others depend on the service it says which. */
export function DeleteService({ slug, id, name, dependents }: { slug: string; id: string; name: string; dependents: string[] }) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(deleteServiceAction.bind(null, slug));
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-800 hover:bg-rose-50">
        Delete service
      </button>
    );
  }
  return (
    <form {...form.props} className="w-full max-w-xl rounded-lg border border-rose-300 bg-rose-50 p-4" aria-labelledby="delete-title">
      <h2 id="delete-title" className="text-sm font-semibold text-rose-900">
        Delete {name}?
      </h2>
      <input type="hidden" name="id" value={id} />
      {dependents.length ? (
        <>
          <p className="mt-1 text-sm text-rose-900">
            {dependents.length} service{dependents.length === 1 ? " depends" : "s depend"} on {name}; their dependencies on it will be deleted too:
          </p>
          <ul className="mt-1 list-disc pl-5 text-sm text-rose-900">
            {dependents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <CheckboxField className="mt-2" name="confirmDependents" label="I understand; delete it anyway" required errors={form.errorsOf("confirmDependents")} defaultChecked={form.checkedOf("confirmDependents", false)} />
        </>
      ) : (
        <p className="mt-1 text-sm text-rose-900">Nothing depends on it. Its own dependencies are deleted with it; its history stays in the audit log.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" disabled={form.isPending} className="rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800">
          Delete {name}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:underline">
          Cancel
        </button>
      </div>
      <FormAlert form={form} className="mt-2" />
    </form>
  );
}
