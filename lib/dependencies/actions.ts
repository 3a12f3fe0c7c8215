"use server";
/** Server-action adapters for dependency edits on the service page. */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { addDependency, removeDependency, retypeDependency } from "./mutations";
import { addDependencySchema, removeDependencySchema, retypeDependencySchema } from "./schemas";

const refresh = (slug: string) => revalidatePath(`/p/${slug}/services`, "layout");

export async function addDependencyAction(slug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await defineAction(addDependencySchema, (actor, input) => addDependency(actor, slug, input))(form);
  if (result.ok) refresh(slug);
  return result;
}

export async function retypeDependencyAction(slug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await defineAction(retypeDependencySchema, (actor, input) => retypeDependency(actor, slug, input))(form);
  if (result.ok) refresh(slug);
  return result;
}

export async function removeDependencyAction(slug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await defineAction(removeDependencySchema, (actor, input) => removeDependency(actor, slug, input))(form);
  if (result.ok) refresh(slug);
  return result;
}
