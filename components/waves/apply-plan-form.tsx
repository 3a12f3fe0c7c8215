"use client";

import { useActionState } from "react";
import { FormError, buttonClass } from "@/components/ui/field";
import { applyPlanAction } from "@/lib/waves/actions";

/** The Apply button: stores the previewed plan (same options) in one transaction. */
export function ApplyPlanForm({ slug, capacity, summary }: { slug: string; capacity: number | undefined; summary: string }) {
  const [state, action, isPending] = useActionState(applyPlanAction.bind(null, slug), null);
  return (
    <form action={action} className="space-y-2">
      {capacity ? <input type="hidden" name="capacityPerTeam" value={capacity} /> : null}
      <p className="text-sm text-slate-700">{summary}</p>
      <button type="submit" className={buttonClass} disabled={isPending}>
        {isPending ? "Applying…" : "Apply this plan"}
      </button>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}
