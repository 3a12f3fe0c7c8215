"use server";
/** Server-action adapters for the services pages; the page binds the programme slug, the mutations validate and authorise. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { bulkEditServices } from "./mutations/bulk-edit-services";
import { createService } from "./mutations/create-service";
import { deleteService } from "./mutations/delete-service";
import { updateService } from "./mutations/update-service";
import { bulkEditServicesFormSchema, createServiceSchema, deleteServiceSchema, updateServiceSchema } from "./schemas";

/** Create form: on success, go to the new service's page. */
export async function createServiceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  const result = await defineAction(createServiceSchema, (actor, input) => createService(actor, programmeSlug, input))(form);
  if (!result.ok) return result;
  revalidatePath(`/p/${programmeSlug}/services`);
  redirect(`/p/${programmeSlug}/services/${result.data.id}`);
}

/** Edit form: on success, back to the service's page. */
export async function updateServiceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string; changed: boolean }>> {
  const result = await defineAction(updateServiceSchema, (actor, input) => updateService(actor, programmeSlug, input))(form);
  if (!result.ok) return result;
  revalidatePath(`/p/${programmeSlug}/services`, "layout");
  redirect(`/p/${programmeSlug}/services/${result.data.id}`);
}

/** Delete (with the dependents confirmation when there are any): on success, to the list. */
export async function deleteServiceAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  const result = await defineAction(deleteServiceSchema, (actor, input) => deleteService(actor, programmeSlug, input))(form);
  if (!result.ok) return result;
  revalidatePath(`/p/${programmeSlug}/services`, "layout");
  redirect(`/p/${programmeSlug}/services`);
}

/** Bulk edit from the list's selection (the form plus the selected `ids`); the client refreshes the list on success. */
export async function bulkEditServicesAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ changed: number; unchanged: number }>> {
  const result = await defineAction(bulkEditServicesFormSchema, (actor, input) => bulkEditServices(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePath(`/p/${programmeSlug}/services`, "layout");
  return result;
}
