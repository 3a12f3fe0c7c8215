/** Helpers the service mutations share: team lookup, field diffs, the service-or-404 read. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { SERVICE_SELECT, type ServiceRow } from "@/lib/inventory/queries/load-inventory";
import type { ServiceForm } from "../schemas";

type Tx = Prisma.TransactionClient;

/** The team's id by name, or INVALID on the team field. */
export async function teamIdOrThrow(tx: Tx, programmeId: string, name: string | null): Promise<string | null> {
  if (!name) return null;
  const team = await tx.team.findUnique({ where: { programmeId_name: { programmeId, name } }, select: { id: true } });
  if (!team) throw new AppError("INVALID", `There is no team called "${name}".`, [{ path: "team", message: `There is no team called "${name}"` }]);
  return team.id;
}

/** A service of the programme with every inventory field, or NOT_FOUND. */
export async function getServiceOrThrow(tx: Tx, programmeId: string, id: string): Promise<ServiceRow> {
  const row = await tx.service.findFirst({ where: { id, programmeId }, select: SERVICE_SELECT });
  if (!row) throw notFound("Service");
  return row;
}

/** The database columns for a form's fields (the team resolved to its id). */
export function formToData(form: ServiceForm, teamId: string | null) {
  const { team: _team, ...fields } = form;
  return { ...fields, teamId };
}

/** The fields that differ, as before/after objects for the event. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** A unique-name clash as a field error the form can show. */
export const nameTaken = (name: string) => new AppError("CONFLICT", `A service called "${name}" already exists.`, [{ path: "name", message: "This name is already taken" }]);
