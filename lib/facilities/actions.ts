"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { setWaveFacilities, updateFacility } from "./mutations";
import { setWaveFacilitiesSchema, updateFacilitySchema } from "./schemas";

// Thin adapters: defineAction parses, the mutation authorises. The slug is bound by the page.

const revalidate = (slug: string) => {
  revalidatePath(`/p/${encodeURIComponent(slug)}/settings/facilities`);
  revalidatePath(`/p/${encodeURIComponent(slug)}/waves`, "layout");
};

/** Saves one facility's status, owner and notes. */
export async function updateFacilityAction(programmeSlug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ key: string }>> {
  const result = await defineAction(updateFacilitySchema, (actor, input) => updateFacility(actor, String(programmeSlug), input))(form);
  if (result.ok) revalidate(programmeSlug);
  return result.ok ? { ...result, message: "Saved." } : result;
}

/** Saves the facilities one wave requires. */
export async function setWaveFacilitiesAction(programmeSlug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ wave: number; facilityKeys: string[] }>> {
  const result = await defineAction(setWaveFacilitiesSchema, (actor, input) => setWaveFacilities(actor, String(programmeSlug), input))(form);
  if (result.ok) revalidate(programmeSlug);
  return result.ok ? { ...result, message: `Wave ${result.data.wave} saved.` } : result;
}
