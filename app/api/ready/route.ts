import { db } from "@/lib/db";
import { pendingMigrations } from "@/lib/db/migration-status";
import { log } from "@/lib/log";

// Readiness: the database answers and every migration is applied.
export async function GET() {
  try {
    const pending = await pendingMigrations(db);
    if (pending.length > 0) return Response.json({ status: "unavailable", reason: `${pending.length} migration(s) not applied` }, { status: 503 });
    return Response.json({ status: "ready" });
  } catch (error) {
    log.warn("readiness check failed", { error: error instanceof Error ? error : String(error) });
    return Response.json({ status: "unavailable", reason: "database not reachable" }, { status: 503 });
  }
}
