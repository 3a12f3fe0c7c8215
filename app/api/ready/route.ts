import { db } from "@/lib/db";
import { pendingMigrations } from "@/lib/db/migration-status";
import { isStopping } from "@/lib/http/stopping";
import { log } from "@/lib/log";

const headers = { "cache-control": "no-store" };

// Readiness: the database answers and every migration is applied, and the replica is not
// stopping (from SIGTERM on it answers 503 so the load balancer stops sending; ADR 29).
export async function GET() {
  if (isStopping()) return Response.json({ status: "unavailable", reason: "stopping" }, { status: 503, headers });
  try {
    const pending = await pendingMigrations(db);
    if (pending.length > 0) return Response.json({ status: "unavailable", reason: `${pending.length} migration(s) not applied` }, { status: 503, headers });
    return Response.json({ status: "ready" }, { headers });
  } catch (error) {
    log.warn("readiness check failed", { error: error instanceof Error ? error : String(error) });
    return Response.json({ status: "unavailable", reason: "database not reachable" }, { status: 503, headers });
  }
}
