"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formField } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { applyPlan, mergeSlices, moveSlice, splitSlice, updateWave, type MoveSliceResult } from "./mutations";
import { mergeSlicesSchema, moveSliceSchema, planRequestSchema, splitSliceSchema, updateWaveSchema } from "./schemas";

// Server actions are public endpoints: each is a thin adapter (defineAction parses the input;
// the mutation authorises). The programme slug is bound by the page and checked by authorize.

const wavesPath = (slug: string) => `/p/${encodeURIComponent(slug)}/waves`;

/** Moves a slice on the board; called with a plain object by the board's client island. */
export async function moveSliceAction(programmeSlug: string, input: unknown): Promise<ActionResult<MoveSliceResult>> {
  const result = await defineAction(moveSliceSchema, (actor, parsed) => moveSlice(actor, String(programmeSlug), parsed))(input);
  if (result.ok) revalidatePath(wavesPath(programmeSlug));
  return result;
}

/** Applies the plan from the preview page's form, then goes to the board. */
export async function applyPlanAction(programmeSlug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ waves: number }>> {
  const capacity = formField(form, "capacityPerTeam");
  const input = { apply: true, ...(typeof capacity === "string" && capacity !== "" ? { capacityPerTeam: Number(capacity) } : {}) };
  const result = await defineAction(planRequestSchema, async (actor, parsed) => ({ waves: (await applyPlan(actor, String(programmeSlug), { capacityPerTeam: parsed.capacityPerTeam })).waves.length }))(input);
  if (!result.ok) return result;
  revalidatePath(wavesPath(programmeSlug), "layout");
  redirect(`${wavesPath(programmeSlug)}?applied=${result.data.waves}`);
}

/** Saves a wave's name, goal and dates from its edit form, then returns to the board. */
export async function updateWaveAction(programmeSlug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ number: number }>> {
  const result = await defineAction(updateWaveSchema, (actor, parsed) => updateWave(actor, String(programmeSlug), parsed))(form);
  if (!result.ok) return result;
  revalidatePath(wavesPath(programmeSlug), "layout");
  redirect(`${wavesPath(programmeSlug)}#wave-${result.data.number}`);
}

/** Merges slices (manager only); called with a plain object or a form. */
export async function mergeSlicesAction(programmeSlug: string, _prev: unknown, input: unknown): Promise<ActionResult<{ sliceId: string; name: string }>> {
  const result = await defineAction(mergeSlicesSchema, (actor, parsed) => mergeSlices(actor, String(programmeSlug), parsed))(input);
  if (result.ok) revalidatePath(`/p/${encodeURIComponent(programmeSlug)}`, "layout");
  return result;
}

/** Splits services off a slice into a new one (manager only). */
export async function splitSliceAction(programmeSlug: string, _prev: unknown, input: unknown): Promise<ActionResult<{ sliceId: string; name: string }>> {
  const result = await defineAction(splitSliceSchema, (actor, parsed) => splitSlice(actor, String(programmeSlug), parsed))(input);
  if (result.ok) revalidatePath(`/p/${encodeURIComponent(programmeSlug)}`, "layout");
  return result;
}
