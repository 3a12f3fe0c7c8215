"use server";
import { revalidatePath } from "next/cache";
import { defineAction, formField } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { moveSliceStage } from "./mutations/move-slice-stage";
import { readSliceRollout, type RolloutReadingResult } from "./mutations/read-slice-rollout";
import { moveSliceStageSchema, readSliceRolloutSchema } from "./schemas";
import type { Stage } from "./stages";

export type MovedSlice = { stage: Stage; status: string; version: number };

/** Stage move or rollback from the slice page (bind the programme slug). */
export async function moveSliceStageAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<MovedSlice>> {
  const result = await defineAction(moveSliceStageSchema, async (actor, input) => {
    const slice = await moveSliceStage(actor, programmeSlug, input);
    return { stage: slice.stage, status: slice.status, version: slice.version };
  })(form);
  if (result.ok) revalidateSlice(programmeSlug, formField(form, "sliceId"));
  return result;
}

/** Reads a pasted rollout YAML on a slice and proposes a move (bind the programme slug). */
export async function readSliceRolloutAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<RolloutReadingResult>> {
  const result = await defineAction(readSliceRolloutSchema, (actor, input) => readSliceRollout(actor, programmeSlug, input))(form);
  if (result.ok) revalidateSlice(programmeSlug, formField(form, "sliceId"));
  return result;
}

function revalidateSlice(programmeSlug: string, sliceId: string | undefined) {
  revalidatePath(`/p/${programmeSlug}/slices`);
  if (sliceId) revalidatePath(`/p/${programmeSlug}/slices/${sliceId}`);
}
