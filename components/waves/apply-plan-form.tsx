"use client";

import { buttonClass } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { applyPlanAction } from "@/lib/waves/actions";

/** The Apply button: stores the previewed plan (same options) in one transaction. */
export function ApplyPlanForm({ slug, capacity, summary }: { slug: string; capacity: number | undefined; summary: string }) {
  const form = useActionForm(applyPlanAction.bind(null, slug));
  return (
    <form {...form.props} className="space-y-2">
      {capacity ? <input type="hidden" name="capacityPerTeam" value={capacity} /> : null}
      <p className="text-sm text-slate-700">{summary}</p>
      <button type="submit" className={buttonClass} disabled={form.isPending}>
        {form.isPending ? "Applying…" : "Apply this plan"}
      </button>
      <FormAlert form={form} />
    </form>
  );
}
