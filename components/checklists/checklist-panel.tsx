"use client";
import { useOptimistic, useState, useTransition } from "react";
import { tickChecklistItemAction } from "@/lib/checklists/actions";
import { CHECKLIST_CATEGORIES } from "@/lib/checklists/default-template";
import { categoryLabel } from "@/lib/checklists/labels";
import type { ItemStateName } from "@/lib/checklists/schemas";
import type { SliceItem } from "@/lib/slices/queries/slice-page";
import { ChecklistItemRow } from "./checklist-item-row";

export type TickChange = { id: string; state: ItemStateName; evidenceUrl?: string; reason?: string };

const applyChange = (items: SliceItem[], change: TickChange): SliceItem[] =>
  items.map((item) =>
    item.id !== change.id
      ? item
      : change.state === "open"
        ? { ...item, state: "open", evidenceUrl: null, reason: null, by: null, at: null }
        : { ...item, state: change.state, evidenceUrl: change.evidenceUrl ?? null, reason: change.reason ?? null, by: "you (saving…)", at: null },
  );

/** A tick as the action's form: the fields the change sets, nothing for the ones it leaves out. */
function tickForm(sliceId: string, { id, state, evidenceUrl, reason }: TickChange): FormData {
  const form = new FormData();
  form.set("sliceId", sliceId);
  form.set("itemId", id);
  form.set("state", state);
  if (evidenceUrl !== undefined) form.set("evidenceUrl", evidenceUrl);
  if (reason !== undefined) form.set("reason", reason);
  return form;
}

/**
 * The definition-of-done checklist, grouped by category. A tick shows at once (useOptimistic)
 * and falls back to the server's state when the action fails; the outcome is announced.
 */
export function ChecklistPanel({ programmeSlug, sliceId, items, canTick }: { programmeSlug: string; sliceId: string; items: SliceItem[]; canTick: boolean }) {
  const [shown, applyOptimistic] = useOptimistic(items, applyChange);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [, startTransition] = useTransition();

  const tick = (change: TickChange) => {
    const title = items.find((i) => i.id === change.id)?.title ?? "The item";
    startTransition(async () => {
      applyOptimistic(change);
      const result = await tickChecklistItemAction(programmeSlug, null, tickForm(sliceId, change));
      if (result.ok) {
        setMessage({ ok: true, text: `"${title}" is now ${change.state === "na" ? "not applicable" : change.state}.` });
      } else {
        const fields = Object.values(result.fieldErrors).flat();
        setMessage({ ok: false, text: `"${title}" was not changed: ${fields.length ? fields.join("; ") : result.formError}` });
      }
    });
  };

  const groups = CHECKLIST_CATEGORIES.map((category) => ({ category, items: shown.filter((i) => i.category === category) })).filter((g) => g.items.length > 0);
  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" aria-label="Checklist updates" className={`min-h-5 text-sm ${message?.ok === false ? "font-medium text-rose-700" : "text-slate-700"}`}>
        {message?.text}
      </p>
      {groups.length === 0 ? <p className="text-sm text-slate-600">This slice has no checklist yet: apply a template to it from the checklist templates settings.</p> : null}
      {groups.map((group) => {
        const resolved = group.items.filter((i) => i.state !== "open").length;
        return (
          <section key={group.category} aria-labelledby={`cat-${group.category}`}>
            <h3 id={`cat-${group.category}`} className="flex items-baseline justify-between border-b border-slate-200 pb-1 text-sm font-semibold text-slate-900">
              {categoryLabel[group.category]}
              <span className="text-xs font-normal text-slate-600">
                {resolved} of {group.items.length} resolved
              </span>
            </h3>
            <ul className="divide-y divide-slate-100">
              {group.items.map((item) => (
                <ChecklistItemRow key={item.id} item={item} canTick={canTick} onTick={tick} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
