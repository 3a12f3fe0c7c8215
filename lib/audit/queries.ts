import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { containsText } from "@/lib/validation/search";
import type { AuditChoices, AuditFilters } from "./schemas";

const select = { id: true, at: true, actorId: true, actorName: true, entityType: true, entityId: true, action: true, before: true, after: true } as const;
export type AuditRow = Prisma.EventGetPayload<{ select: typeof select }>;

function where(programmeId: string, f: AuditFilters): Prisma.EventWhereInput {
  return {
    programmeId,
    ...(f.actor ? { actorName: containsText(f.actor) } : {}),
    ...(f.entity ? { entityType: f.entity } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from || f.to
      ? { at: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
  };
}

/** One page of the audit log, newest first, paged by id (stable while events are appended). */
export async function listAuditEvents(programmeId: string, f: AuditFilters, pageSize = 50): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  const rows = await db.event.findMany({
    where: { ...where(programmeId, f), ...(f.before ? { id: { lt: f.before } } : {}) },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select,
  });
  const more = rows.length > pageSize;
  return { rows: rows.slice(0, pageSize), nextBefore: more ? rows[pageSize - 1].id : null };
}

/** Every event matching the filters, oldest first, for the CSV export. */
export function listAllAuditEvents(programmeId: string, f: AuditFilters, max = 100_000): Promise<AuditRow[]> {
  return db.event.findMany({ where: where(programmeId, f), orderBy: { id: "asc" }, take: max, select });
}

/**
 * Events for the REST API: oldest first, from a time and/or after an id, or continuing after
 * the event `after` in (at, id) order. That is Prisma's cursor, which compares with the cursor
 * row's own values in SQL: the microseconds of `at`, which a JavaScript Date (and so a cursor
 * carrying the instant) would cut to milliseconds, sending an event twice.
 */
export function listEventsSince(programmeId: string, q: { since?: string; afterId?: number; after?: number; limit: number }): Promise<AuditRow[]> {
  return db.event.findMany({
    where: { programmeId, ...(q.since ? { at: { gte: new Date(q.since) } } : {}), ...(q.afterId !== undefined ? { id: { gt: q.afterId } } : {}) },
    ...(q.after !== undefined ? { cursor: { id: q.after }, skip: 1 } : {}),
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: q.limit,
    select,
  });
}

/**
 * The entity types and actions present in a programme's log, for the filter menus: one grouped
 * read of (entityType, action), so a menu never offers what would match nothing.
 */
export async function listAuditChoices(programmeId: string): Promise<AuditChoices> {
  const rows = await db.event.groupBy({ by: ["entityType", "action"], where: { programmeId }, orderBy: [{ entityType: "asc" }, { action: "asc" }] });
  return { entityTypes: [...new Set(rows.map((r) => r.entityType))], actions: rows.map((r) => ({ entityType: r.entityType, action: r.action })) };
}
