"use server";
/** Server-action adapters for the wave board, the plan preview and the wave edit page; the page binds the programme slug. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { applyPlan } from "./mutations/apply-plan";
import { mergeSlices } from "./mutations/merge-slices";
import { moveSlice, type MoveSliceResult } from "./mutations/move-slice";
import { setWaveCadence } from "./mutations/set-wave-cadence";
import { splitSlice } from "./mutations/split-slice";
import { updateWave } from "./mutations/update-wave";
import { applyPlanSchema, mergeSlicesSchema, moveSliceSchema, setWaveCadenceSchema, splitSliceSchema, updateWaveSchema } from "./schemas";

const programmePath = (programmeSlug: string) => `/p/${encodeURIComponent(programmeSlug)}`;
const wavesPath = (programmeSlug: string) => `${programmePath(programmeSlug)}/waves`;

/** Moves a slice to another wave from the board's move menu or a drop (and, confirmed, pins it against the order). */
export async function moveSliceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<MoveSliceResult>> {
  const result = await defineAction(moveSliceSchema, (actor, input) => moveSlice(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePath(wavesPath(programmeSlug));
  return result;
}

/** Applies the plan from the preview page's form (with the capacity it was previewed with), then goes to the board. */
export async function applyPlanAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ waves: number }>> {
  const result = await defineAction(applyPlanSchema, async (actor, input) => ({ waves: (await applyPlan(actor, programmeSlug, input)).waves.length }))(form);
  if (!result.ok) return result;
  revalidatePath(wavesPath(programmeSlug), "layout");
  redirect(`${wavesPath(programmeSlug)}?applied=${result.data.waves}`);
}

/** Saves a wave's name, goal and dates from its edit form, then returns to the board. */
export async function updateWaveAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ number: number }>> {
  const result = await defineAction(updateWaveSchema, (actor, input) => updateWave(actor, programmeSlug, input))(form);
  if (!result.ok) return result;
  revalidatePath(wavesPath(programmeSlug), "layout");
  redirect(`${wavesPath(programmeSlug)}#wave-${result.data.number}`);
}

/** Merges slices (manager only): `sliceIds` repeated, the first one kept, and an optional new `name`. */
export async function mergeSlicesAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ sliceId: string; name: string }>> {
  const result = await defineAction(mergeSlicesSchema, (actor, input) => mergeSlices(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePath(programmePath(programmeSlug), "layout");
  return result;
}

/** Splits services (`serviceIds` repeated) off a slice into a new one called `name` (manager only). */
export async function splitSliceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ sliceId: string; name: string }>> {
  const result = await defineAction(splitSliceSchema, (actor, input) => splitSlice(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePath(programmePath(programmeSlug), "layout");
  return result;
}

/** Sets the programme's wave cadence (and, when asked, dates the waves that have none). */
export async function setWaveCadenceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ dated: number }>> {
  const result = await defineAction(setWaveCadenceSchema, (actor, input) => setWaveCadence(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePath(wavesPath(programmeSlug), "layout");
  return result;
}
