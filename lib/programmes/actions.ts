"use server";
/** Server-action adapters for programmes; making one is deployment-level, so nothing is bound. */
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { createProgramme } from "./mutations/create-programme";
import { createProgrammeSchema } from "./schemas";

/** The administrator's "new programme" form; on success, off to the new programme. */
export async function createProgrammeAction(_previous: unknown, form: FormData): Promise<ActionResult<{ slug: string; name: string }>> {
  const result = await defineAction(createProgrammeSchema, (actor, input) => createProgramme(actor, input))(form);
  if (!result.ok) return result;
  redirect(`/p/${result.data.slug}/settings/people`);
}
