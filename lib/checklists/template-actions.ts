"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { applyTemplateToSlice, createTemplate, deleteTemplateItem, saveTemplateItem, syncTemplateToSlices, type SyncResult } from "./mutations";
import { applyTemplateSchema, createTemplateSchema, deleteTemplateItemSchema, saveTemplateItemSchema, syncTemplateSchema } from "./schemas";

// Each action binds the programme slug in the page; revalidation happens after the result.
const done = <T,>(slug: string, result: ActionResult<T>): ActionResult<T> => {
  if (result.ok) {
    revalidatePath(`/p/${slug}/settings/templates`);
    revalidatePath(`/p/${slug}/slices`, "layout");
  }
  return result;
};

export async function createTemplateAction(slug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return done(slug, await defineAction(createTemplateSchema, (actor, input) => createTemplate(actor, slug, input))(form));
}

export async function saveTemplateItemAction(slug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; key: string }>> {
  return done(slug, await defineAction(saveTemplateItemSchema, (actor, input) => saveTemplateItem(actor, slug, input))(form));
}

export async function deleteTemplateItemAction(slug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return done(slug, await defineAction(deleteTemplateItemSchema, (actor, input) => deleteTemplateItem(actor, slug, input))(form));
}

export async function applyTemplateAction(slug: string, _previous: unknown, form: FormData): Promise<ActionResult<SyncResult>> {
  return done(slug, await defineAction(applyTemplateSchema, (actor, input) => applyTemplateToSlice(actor, slug, input))(form));
}

export async function syncTemplateAction(slug: string, _previous: unknown, form: FormData): Promise<ActionResult<SyncResult>> {
  return done(slug, await defineAction(syncTemplateSchema, (actor, input) => syncTemplateToSlices(actor, slug, input))(form));
}
