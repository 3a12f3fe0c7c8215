import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordEvent } from "@/lib/events/record";
import { createServiceSchema, type CreateServiceInput } from "../schemas";
import { formToData, nameTaken, teamIdOrThrow } from "./shared";

/** Adds a service to the programme (managers). */
export async function createService(actor: Actor, programmeSlug: string, input: CreateServiceInput): Promise<{ id: string; name: string }> {
  const programme = await authorize(actor, programmeSlug, "service.create");
  const form = createServiceSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const teamId = await teamIdOrThrow(tx, programme.id, form.team);
      const service = await tx.service.create({ data: { programmeId: programme.id, ...formToData(form, teamId) }, select: { id: true, name: true } });
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "service", entityId: service.id, action: "service.created", after: form });
      return service;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(form.name);
    throw error;
  }
}
