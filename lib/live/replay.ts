/**
 * What a stream missed, from the event table: events of the programme after the last one the
 * client had. Event ids are given out when a transaction writes, not when it commits, so a
 * transaction that wrote before the client's last event may commit after it was sent; events
 * with a smaller id written shortly before that last one are sent again too (LOOKBACK_SECONDS,
 * longer than any write transaction may last). Delivery is therefore at least once: a client
 * ignores an id it has seen.
 */
import "server-only";
import type { Db } from "@/lib/db";
import { latestEventId } from "@/lib/events/latest";
import type { Change } from "./messages";

/** Longer than the longest write transaction (an import's: 60 s). */
export const LOOKBACK_SECONDS = 90;
/** More missed events than this and the client is told to reload everything instead. */
export const REPLAY_LIMIT = 500;

type Row = { id: number; action: string; entityType: string; entityId: string };

export type Replay = { changes: Change[] } | { reset: Change };

export async function replaySince(client: Db, programmeId: string, lastId: number): Promise<Replay> {
  const rows = await client.$queryRawUnsafe<Row[]>(
    `SELECT id, action, "entityType", "entityId" FROM "Event"
     WHERE "programmeId" = $1 AND (id > $2 OR (id < $2 AND at >= (SELECT at FROM "Event" WHERE id = $2) - interval '${LOOKBACK_SECONDS} seconds'))
     ORDER BY id LIMIT $3`,
    programmeId,
    lastId,
    REPLAY_LIMIT + 1,
  );
  if (rows.length <= REPLAY_LIMIT) return { changes: rows.map((r) => ({ id: r.id, action: r.action, entityType: r.entityType, entityId: r.entityId })) };
  return { reset: { id: await latestEventId(programmeId, client) } };
}
