// Liveness: the process is up. It never touches the database, so a database outage does not
// get the process restarted for nothing.
export function GET() {
  return Response.json({ status: "ok" });
}
