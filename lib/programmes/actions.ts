"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { createProgramme } from "./mutations";
import { createProgrammeSchema } from "./schemas";

const create = defineAction(createProgrammeSchema, (actor, input) => createProgramme(actor, input));

/** The administrator's "new programme" form; on success, off to the new programme. */
export async function createProgrammeAction(_prev: unknown, form: FormData) {
  const result = await create(form);
  if (result.ok) redirect(`/p/${result.data.slug}/settings/people`);
  return result;
}
