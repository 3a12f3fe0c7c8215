"use server";
/** Server-action adapters for the facilities settings page; the form binds the programme slug. */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { setWaveFacilities } from "./mutations/set-wave-facilities";
import { updateFacility } from "./mutations/update-facility";
import { setWaveFacilitiesSchema, updateFacilitySchema } from "./schemas";

// A facility's readiness shows on the settings page and on every wave's page.
const revalidateFacilities = (programmeSlug: string) => {
  revalidatePath(`/p/${encodeURIComponent(programmeSlug)}/settings/facilities`);
  revalidatePath(`/p/${encodeURIComponent(programmeSlug)}/waves`, "layout");
};

/** Saves one facility's status, owner and notes. */
export async function updateFacilityAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ key: string }>> {
  const result = await defineAction(updateFacilitySchema, (actor, input) => updateFacility(actor, programmeSlug, input))(form);
  if (result.ok) revalidateFacilities(programmeSlug);
  return result.ok ? { ...result, message: "Saved." } : result;
}

/** Saves the facilities one wave requires. */
export async function setWaveFacilitiesAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ wave: number; facilityKeys: string[] }>> {
  const result = await defineAction(setWaveFacilitiesSchema, (actor, input) => setWaveFacilities(actor, programmeSlug, input))(form);
  if (result.ok) revalidateFacilities(programmeSlug);
  return result.ok ? { ...result, message: `Wave ${result.data.wave} saved.` } : result;
}
