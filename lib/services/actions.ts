"use server";
/** Server-action adapters for the services pages: validation and authorization live in the mutations. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { bulkEditServices, createService, deleteService, updateService } from "./mutations";
import { bulkEditServicesSchema, createServiceSchema, deleteServiceSchema, updateServiceSchema, type BulkEditServicesInput } from "./schemas";

/** Create form: on success, go to the new service's page. */
export async function createServiceAction(slug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  const result = await defineAction(createServiceSchema, (actor, input) => createService(actor, slug, input))(form);
  if (!result.ok) return result;
  revalidatePath(`/p/${slug}/services`);
  redirect(`/p/${slug}/services/${result.data.id}`);
}

/** Edit form: on success, back to the service's page. */
export async function updateServiceAction(slug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string; changed: boolean }>> {
  const result = await defineAction(updateServiceSchema, (actor, input) => updateService(actor, slug, input))(form);
  if (!result.ok) return result;
  revalidatePath(`/p/${slug}/services`, "layout");
  redirect(`/p/${slug}/services/${result.data.id}`);
}

/** Delete (with the dependents confirmation when there are any): on success, to the list. */
export async function deleteServiceAction(slug: string, _prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  const result = await defineAction(deleteServiceSchema, (actor, input) => deleteService(actor, slug, input))(form);
  if (!result.ok) return result;
  revalidatePath(`/p/${slug}/services`, "layout");
  redirect(`/p/${slug}/services`);
}

/** Bulk edit from the list's selection; the client refreshes the list on success. */
export async function bulkEditServicesAction(slug: string, input: BulkEditServicesInput): Promise<ActionResult<{ changed: number; unchanged: number }>> {
  const result = await defineAction(bulkEditServicesSchema, (actor, data) => bulkEditServices(actor, slug, data))(input);
  if (result.ok) revalidatePath(`/p/${slug}/services`, "layout");
  return result;
}
