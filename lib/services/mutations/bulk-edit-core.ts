/**
 * The write of a bulk edit, inside the caller's transaction and after authorization: no
 * "server-only" and no app client, so the benchmark can time exactly this on its own client.
 */
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { ServiceChanges } from "@/lib/events/catalogue";
import { eventRow, insertEvents, type EventRow } from "@/lib/events/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SERVICE_SELECT, rowToService } from "@/lib/inventory/queries/load-inventory";
import { bulkUpdateServices } from "@/lib/inventory/mutations/write-inventory";
import type * as z from "zod";
import type { bulkEditServicesSchema } from "../schemas";
import { changedFields, teamIdOrThrow } from "./shared";

type Tx = Prisma.TransactionClient;
export type BulkEdit = z.output<typeof bulkEditServicesSchema>;

/** Applies a validated bulk edit: one statement for the rows, one for the events. */
export async function applyBulkEdit(tx: Tx, actor: Actor, programmeId: string, edit: BulkEdit): Promise<{ changed: number; unchanged: number }> {
  const ids = [...new Set(edit.ids)];
  const rows = await tx.service.findMany({ where: { id: { in: ids }, programmeId }, select: SERVICE_SELECT });
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", `${ids.length - rows.length} of the selected services no longer exist; reload the list.`);
  const teamId = edit.team === undefined ? undefined : await teamIdOrThrow(tx, programmeId, edit.team);
  const teams = new Map((await tx.team.findMany({ where: { programmeId }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
  const now = new Date();
  const events: EventRow[] = [];
  const updates = [];
  for (const row of rows) {
    const before = rowToService(row, (id) => (id ? (teams.get(id) ?? null) : null));
    const next = { ...before };
    if (edit.team !== undefined) next.team = edit.team;
    if (edit.strategy) next.strategy = edit.strategy;
    if (edit.tier) next.tier = edit.tier;
    if (edit.targetNamespace !== undefined) next.targetNamespace = edit.targetNamespace || null;
    if (edit.addTags || edit.removeTags) {
      const remove = new Set(edit.removeTags ?? []);
      next.tags = [...new Set([...before.tags, ...(edit.addTags ?? [])])].filter((t) => !remove.has(t));
    }
    const diff = changedFields(before, next);
    if (!diff) continue;
    events.push(eventRow(actor, { programmeId, entityType: "service", entityId: row.id, action: "service.updated", before: diff.before as ServiceChanges, after: diff.after as ServiceChanges }));
    const { team: _team, ...fields } = next;
    updates.push({ ...fields, id: row.id, programmeId, teamId: teamId === undefined ? row.teamId : teamId, sliceId: row.sliceId, updatedAt: now });
  }
  await bulkUpdateServices(tx, updates);
  await insertEvents(tx, events);
  return { changed: updates.length, unchanged: rows.length - updates.length };
}
