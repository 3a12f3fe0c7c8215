"use server";
/** Server-action adapters for dependency edits on the service page; the page binds the programme slug. */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { addDependency } from "./mutations/add-dependency";
import { removeDependency } from "./mutations/remove-dependency";
import { retypeDependency } from "./mutations/retype-dependency";
import { addDependencySchema, removeDependencySchema, retypeDependencySchema } from "./schemas";

const revalidateServices = (programmeSlug: string) => revalidatePath(`/p/${programmeSlug}/services`, "layout");

export async function addDependencyAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await defineAction(addDependencySchema, (actor, input) => addDependency(actor, programmeSlug, input))(form);
  if (result.ok) revalidateServices(programmeSlug);
  return result;
}

export async function retypeDependencyAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await defineAction(retypeDependencySchema, (actor, input) => retypeDependency(actor, programmeSlug, input))(form);
  if (result.ok) revalidateServices(programmeSlug);
  return result;
}

export async function removeDependencyAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await defineAction(removeDependencySchema, (actor, input) => removeDependency(actor, programmeSlug, input))(form);
  if (result.ok) revalidateServices(programmeSlug);
  return result;
}
