"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { tickChecklistItem } from "./mutations";
import { tickChecklistItemSchema, type ChecklistItemView } from "./schemas";

/** Ticks a checklist item from the slice page (bind the programme slug). Takes FormData or an object. */
export async function tickChecklistItemAction(programmeSlug: string, input: FormData | Record<string, unknown>): Promise<ActionResult<ChecklistItemView>> {
  const result = await defineAction(tickChecklistItemSchema, (actor, parsed) => tickChecklistItem(actor, programmeSlug, parsed))(input);
  const sliceId = input instanceof FormData ? input.get("sliceId") : input.sliceId;
  if (result.ok && typeof sliceId === "string") {
    revalidatePath(`/p/${programmeSlug}/slices/${sliceId}`);
    revalidatePath(`/p/${programmeSlug}/slices`);
  }
  return result;
}
