"use client";

import { Link } from "@/components/ui/link";
import { syncTemplateAction } from "@/lib/checklists/actions";
import type { SliceSyncPreview } from "@/lib/checklists/queries";
import { buttonClass } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { stageLabel, statusLabel } from "@/lib/slices/stages";

type Props = { slug: string; templateId: string; templateName: string; bySlice: SliceSyncPreview[] };

/**
 * "Update existing slices", previewed: what the sync does to each slice it changes, and, when
 * live or done slices have already passed the gate of new items, the manager's choice for them
 * (follow-ups that gate nothing, or leave those slices out). Nothing is reopened silently.
 */
export function TemplateSync({ slug, templateId, templateName, bySlice }: Props) {
  const form = useActionForm(syncTemplateAction.bind(null, slug));
  const passed = bySlice.filter((s) => s.late.length > 0);
  const done = form.state?.ok ? form.state.data : null;
  return (
    <form {...form.props} aria-label={`Update slices from ${templateName}`} className="space-y-3">
      <input type="hidden" name="templateId" value={templateId} />
      {bySlice.length === 0 ? <p className="text-sm text-slate-700">Every slice with a checklist already matches this template.</p> : null}
      {bySlice.length ? (
        <ScrollRegion label={`What updating does to each slice (${bySlice.length})`}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">What updating from {templateName} does to each slice</caption>
            <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">Slice</th>
                <th scope="col" className="py-1 pr-3">Adds</th>
                <th scope="col" className="py-1">Other changes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {bySlice.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    <Link href={`/p/${slug}/slices/${s.id}`} className="font-medium text-brand-700 underline">
                      {s.name}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {statusLabel[s.status]} at {stageLabel(s.stage)}
                    </span>
                  </th>
                  <td className="py-1.5 pr-3 text-slate-700">
                    {s.added.length ? s.added.join(", ") : s.late.length ? null : "nothing"}
                    {s.late.length ? (
                      <span className="block text-amber-900">
                        <strong>Gate already passed:</strong> {s.late.join(", ")}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-1.5 text-slate-700">
                    {[s.updated ? `${s.updated} reworded or re-gated` : null, s.removed ? `${s.removed} open item${s.removed === 1 ? "" : "s"} removed` : null].filter(Boolean).join(", ") || "none"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {passed.length ? (
        <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-3" aria-describedby={form.errorsOf("late") ? "sync-late-error" : undefined}>
          <legend className="px-1 text-sm font-medium text-amber-950">
            {passed.length} live or done slice{passed.length === 1 ? " has" : "s have"} already passed the gate of new items
          </legend>
          <label className="mt-1 flex items-start gap-2 text-sm">
            <input type="radio" name="late" value="follow_up" defaultChecked={form.checkedOf("late", false, "follow_up")} className="mt-0.5 h-4 w-4" />
            <span>Add them as follow-ups: listed and counted, but they do not reopen a passed gate or &ldquo;done&rdquo;.</span>
          </label>
          <label className="mt-1 flex items-start gap-2 text-sm">
            <input type="radio" name="late" value="skip" defaultChecked={form.checkedOf("late", false, "skip")} className="mt-0.5 h-4 w-4" />
            <span>Skip those slices: they keep their checklist as it is.</span>
          </label>
          {form.errorsOf("late") ? (
            <p id="sync-late-error" className="mt-1 text-xs font-medium text-rose-700">
              {form.errorsOf("late")!.join(" ")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <FormAlert
        form={form}
        label={`Update slices from ${templateName}: result`}
        success={done ? `Slices updated: ${done.slices} changed${done.followUps ? `, ${done.followUps} follow-up${done.followUps === 1 ? "" : "s"} added` : ""}${done.skipped ? `, ${done.skipped} skipped` : ""}.` : null}
      />
      {bySlice.length ? (
        <button type="submit" className={buttonClass} disabled={form.isPending}>
          {form.isPending ? "Updating…" : "Update existing slices"}
        </button>
      ) : null}
    </form>
  );
}
