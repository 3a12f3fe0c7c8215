/**
 * Announces committed events to every replica: pg_notify inside the transaction that writes
 * them (called by lib/events/record.ts), so PostgreSQL delivers the notification at commit and
 * drops it on rollback. Programme-less events (deployment level: tokens, users) are not
 * streamed. Kept to one statement per event, or per programme for a bulk write.
 */
import { bulkNotification, CHANNEL, eventNotification } from "./messages";

/** What announcing needs of a client: raw SQL in the caller's transaction. */
export type Announcer = { $executeRawUnsafe: (sql: string, ...values: unknown[]) => Promise<number> };

const NOTIFY = `SELECT pg_notify($1, $2)`;

export const canAnnounce = (tx: unknown): tx is Announcer => typeof (tx as Partial<Announcer>)?.$executeRawUnsafe === "function";

/** One event, by its id. */
export async function announceEvent(tx: Announcer, programmeId: string | null | undefined, event: { id: number; action: string; entityType: string; entityId: string }): Promise<void> {
  if (!programmeId) return;
  await tx.$executeRawUnsafe(NOTIFY, CHANNEL, eventNotification(programmeId, event));
}

type Row = { programmeId?: string | null; action: string; entityType: string; entityId: string };

/**
 * Rows just inserted by this session, in order: their ids are not returned by the bulk insert,
 * but the last one is the session's currval of the Event id sequence. One row is announced as
 * itself; more as one bulk change per programme ending at that id.
 */
export async function announceInserted(tx: Announcer & { $queryRawUnsafe: (sql: string) => Promise<unknown> }, rows: readonly Row[]): Promise<void> {
  const programmes = new Map<string, number>();
  for (const r of rows) if (r.programmeId) programmes.set(r.programmeId, (programmes.get(r.programmeId) ?? 0) + 1);
  if (programmes.size === 0) return;
  let id: number;
  try {
    [{ id }] = (await tx.$queryRawUnsafe(`SELECT currval(pg_get_serial_sequence('"Event"', 'id'))::int AS id`)) as { id: number }[];
  } catch {
    // Only outside a transaction (a seed writing through the pool), where the next statement
    // may run on another connection: nothing is listening to a seed.
    return;
  }
  if (rows.length === 1) return announceEvent(tx, rows[0].programmeId, { ...rows[0], id });
  for (const [programmeId, count] of programmes) await tx.$executeRawUnsafe(NOTIFY, CHANNEL, bulkNotification(programmeId, id, count));
}
