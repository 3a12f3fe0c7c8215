/**
 * The one way to write audit events: one with recordEvent, inside the transaction of the
 * mutation it records, or many with eventRow and insertEvents (seed, import, restore, bulk
 * edits, an applied plan). Both accept only catalogue actions with payloads of their type, and
 * check the payload against the catalogue when it is written (ADR 0027): the Event table is
 * append-only, so a row of the wrong shape could never be corrected afterwards.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { insertRowsReturningLastId, type SqlClient } from "@/lib/db/bulk-insert";
import { announceEvent, announceInserted, canAnnounce } from "@/lib/live/announce";
import { parseEvent, type EventInput, type StoredEvent } from "./catalogue";

export type { EntityType, EventInput, EventInputWithout } from "./catalogue";

declare const checked: unique symbol;
/** An Event row built by eventRow, so checked against the catalogue: the only rows insertEvents takes. */
export type EventRow = Prisma.EventUncheckedCreateInput & { readonly [checked]: true };

type EventWriter = { event: { create: (args: { data: Prisma.EventUncheckedCreateInput; select: { id: true } }) => Promise<unknown> } };

/**
 * Appends one event inside the caller's transaction, and announces it there to the live
 * streams of every replica (lib/live/announce.ts): delivered at commit, dropped on rollback.
 */
export async function recordEvent(tx: EventWriter, actor: Actor, input: EventInput): Promise<void> {
  const created = (await tx.event.create({ data: eventRow(actor, input), select: { id: true } })) as { id: number } | undefined;
  if (created && canAnnounce(tx)) await announceEvent(tx, input.programmeId, { id: created.id, ...input });
}

/** Thrown when code writes an event the catalogue does not describe: a bug, never a user's error. */
export class UncataloguedEventError extends Error {
  constructor(input: { action: string }, problems: { path: (string | number)[]; message: string }[]) {
    super(`Event ${input.action} does not match the catalogue: ${problems.map((p) => `${p.path.join(".") || "payload"}: ${p.message}`).join("; ")}`);
    this.name = "UncataloguedEventError";
  }
}

/**
 * An event recorded elsewhere (a backup's history) as a writer's input, checked against the
 * catalogue here. The restore refuses a history with uncatalogued events before it builds any
 * (restore-history.ts), so a failure here is a bug.
 */
export function recordedEventInput(e: StoredEvent & { programmeId: string | null; entityId: string; at?: Date }): EventInput {
  const parsed = parseEvent(e);
  if (!parsed.ok) throw new UncataloguedEventError(e, parsed.problems);
  return e as EventInput;
}

/** The row for one event, checked against the catalogue; for writers that insert many at once. */
export function eventRow(actor: Actor, input: EventInput): EventRow {
  const parsed = parseEvent(input);
  if (!parsed.ok) throw new UncataloguedEventError(input, parsed.problems);
  return {
    programmeId: input.programmeId,
    actorId: actor.userId,
    actorName: actor.name,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    // The caller's objects, not the parse's copies: the schemas have no transforms, so they are equal.
    before: (input.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (input.after ?? undefined) as Prisma.InputJsonValue | undefined,
    requestId: actor.requestId,
    at: input.at,
  } as EventRow;
}

const COLUMNS = ["programmeId", "actorId", "actorName", "entityType", "entityId", "action", "before", "after", "requestId"] as const;

/**
 * Inserts rows built by eventRow, in order, one statement per few thousand rows. A row without
 * `at` takes the database clock, as recordEvent's do; rows with one (seeds, restores) keep it.
 */
export async function insertEvents(tx: SqlClient, rows: readonly EventRow[]): Promise<void> {
  // Consecutive runs with and without `at`, so the ids keep the order the caller gave.
  let lastId: number | null = null;
  for (let start = 0; start < rows.length; ) {
    const timed = rows[start].at !== undefined;
    let end = start + 1;
    while (end < rows.length && (rows[end].at !== undefined) === timed) end++;
    lastId = (await insertRowsReturningLastId(tx, "Event", timed ? [...COLUMNS, "at"] : COLUMNS, rows.slice(start, end))) ?? lastId;
    start = end;
  }
  // Announced to the live streams in the same transaction (lib/live/announce.ts).
  if (lastId !== null) await announceInserted(tx, rows, lastId);
}
