import "server-only";
import { db, type Db } from "@/lib/db";

/**
 * The programme's newest event id (0 when it has none): its history version, under which the
 * reports, the overview and the graph are kept (memo.ts), and where a live stream starts
 * (lib/live). One probe of the Event(programmeId, id) index.
 */
export async function latestEventId(programmeId: string, client: Db = db): Promise<number> {
  const [{ id }] = await client.$queryRawUnsafe<{ id: number | null }[]>(`SELECT max(id)::int AS id FROM "Event" WHERE "programmeId" = $1`, programmeId);
  return id ?? 0;
}
