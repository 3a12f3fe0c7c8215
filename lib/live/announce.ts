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
 * Rows just inserted by this session, in order, the last of them with id `lastId` (the bulk
 * insert answers only that one). One row is announced as itself; more as one bulk change per
 * programme ending at that id.
 */
export async function announceInserted(tx: Announcer, rows: readonly Row[], lastId: number): Promise<void> {
  const programmes = new Map<string, number>();
  for (const r of rows) if (r.programmeId) programmes.set(r.programmeId, (programmes.get(r.programmeId) ?? 0) + 1);
  if (rows.length === 1) return announceEvent(tx, rows[0].programmeId, { ...rows[0], id: lastId });
  for (const [programmeId, count] of programmes) await tx.$executeRawUnsafe(NOTIFY, CHANNEL, bulkNotification(programmeId, lastId, count));
}
