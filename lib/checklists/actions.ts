"use server";
/** Server-action adapters for the checklist on the slice page and the template settings; the page binds the programme slug. */
import { revalidatePath } from "next/cache";
import { defineAction, formField } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { applyTemplateToSlice } from "./mutations/apply-template-to-slice";
import { createTemplate } from "./mutations/create-template";
import { deleteTemplateItem } from "./mutations/delete-template-item";
import { saveTemplateItem } from "./mutations/save-template-item";
import { syncTemplateToSlices } from "./mutations/sync-template-to-slices";
import { tickChecklistItem } from "./mutations/tick-checklist-item";
import { applyTemplateSchema, createTemplateSchema, deleteTemplateItemSchema, saveTemplateItemSchema, syncTemplateSchema, tickChecklistItemSchema, type ChecklistItemView } from "./schemas";
import type { SyncResult } from "./template-data";

/** Ticks a checklist item from the slice page. */
export async function tickChecklistItemAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<ChecklistItemView>> {
  const result = await defineAction(tickChecklistItemSchema, (actor, input) => tickChecklistItem(actor, programmeSlug, input))(form);
  const sliceId = formField(form, "sliceId");
  if (result.ok && sliceId) {
    revalidatePath(`/p/${programmeSlug}/slices/${sliceId}`);
    revalidatePath(`/p/${programmeSlug}/slices`);
  }
  return result;
}

// A template change shows on the settings page and, once applied or synced, on every slice.
const revalidateTemplates = <T,>(programmeSlug: string, result: ActionResult<T>): ActionResult<T> => {
  if (result.ok) {
    revalidatePath(`/p/${programmeSlug}/settings/templates`);
    revalidatePath(`/p/${programmeSlug}/slices`, "layout");
  }
  return result;
};

export async function createTemplateAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return revalidateTemplates(programmeSlug, await defineAction(createTemplateSchema, (actor, input) => createTemplate(actor, programmeSlug, input))(form));
}

export async function saveTemplateItemAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; key: string }>> {
  return revalidateTemplates(programmeSlug, await defineAction(saveTemplateItemSchema, (actor, input) => saveTemplateItem(actor, programmeSlug, input))(form));
}

export async function deleteTemplateItemAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return revalidateTemplates(programmeSlug, await defineAction(deleteTemplateItemSchema, (actor, input) => deleteTemplateItem(actor, programmeSlug, input))(form));
}

export async function applyTemplateAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<SyncResult>> {
  return revalidateTemplates(programmeSlug, await defineAction(applyTemplateSchema, (actor, input) => applyTemplateToSlice(actor, programmeSlug, input))(form));
}

export async function syncTemplateAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<SyncResult>> {
  return revalidateTemplates(programmeSlug, await defineAction(syncTemplateSchema, (actor, input) => syncTemplateToSlices(actor, programmeSlug, input))(form));
}
