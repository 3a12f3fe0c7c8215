import { hasStarted } from "@/lib/http/startup";

// Startup probe: 200 once the process has finished starting (instrumentation ran). Like
// liveness it never touches the database.
export function GET() {
  if (!hasStarted()) return Response.json({ status: "starting" }, { status: 503, headers: { "cache-control": "no-store" } });
  return Response.json({ status: "started" }, { headers: { "cache-control": "no-store" } });
}
