"use server";
/** Server-action adapters of the slice editor (the page binds the programme slug); merge and split are lib/waves/actions.ts. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formField } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { changeSliceServices } from "./mutations/change-slice-services";
import { createSlice } from "./mutations/create-slice";
import { liftSlicePin } from "./mutations/lift-slice-pin";
import { recordRehearsal } from "./mutations/record-rehearsal";
import { renameSlice } from "./mutations/rename-slice";
import { updateRollbackPlan } from "./mutations/update-rollback-plan";
import { changeSliceServicesSchema, createSliceSchema, liftSlicePinSchema, recordRehearsalSchema, renameSliceSchema, updateRollbackPlanSchema } from "./schemas";

const programmePath = (programmeSlug: string) => `/p/${encodeURIComponent(programmeSlug)}`;
// A slice's name, services and pin show on the board, the lists, the services and teams pages too.
const revalidateProgramme = (programmeSlug: string) => revalidatePath(programmePath(programmeSlug), "layout");
const revalidateSlice = (programmeSlug: string, sliceId: string | undefined) => {
  if (sliceId) revalidatePath(`${programmePath(programmeSlug)}/slices/${encodeURIComponent(sliceId)}`);
};

/** Creates a slice from the chosen services, then opens it. */
export async function createSliceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  const result = await defineAction(createSliceSchema, (actor, input) => createSlice(actor, programmeSlug, input))(form);
  if (!result.ok) return result;
  revalidateProgramme(programmeSlug);
  redirect(`${programmePath(programmeSlug)}/slices/${encodeURIComponent(result.data.id)}`);
}

export async function renameSliceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string; version: number }>> {
  const result = await defineAction(renameSliceSchema, (actor, input) => renameSlice(actor, programmeSlug, input))(form);
  if (result.ok) revalidateProgramme(programmeSlug);
  return result;
}

export async function changeSliceServicesAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ services: string[]; version: number }>> {
  const result = await defineAction(changeSliceServicesSchema, (actor, input) => changeSliceServices(actor, programmeSlug, input))(form);
  if (result.ok) revalidateProgramme(programmeSlug);
  return result;
}

export async function updateRollbackPlanAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const result = await defineAction(updateRollbackPlanSchema, (actor, input) => updateRollbackPlan(actor, programmeSlug, input))(form);
  if (result.ok) revalidateSlice(programmeSlug, formField(form, "sliceId"));
  return result;
}

export async function recordRehearsalAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ rehearsedAt: Date; version: number }>> {
  const result = await defineAction(recordRehearsalSchema, (actor, input) => recordRehearsal(actor, programmeSlug, input))(form);
  if (result.ok) revalidateSlice(programmeSlug, formField(form, "sliceId"));
  return result;
}

export async function liftSlicePinAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const result = await defineAction(liftSlicePinSchema, (actor, input) => liftSlicePin(actor, programmeSlug, input))(form);
  if (result.ok) revalidateProgramme(programmeSlug);
  return result;
}
