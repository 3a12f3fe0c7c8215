import { describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";

// An unreachable database makes readiness 503 (quickly, thanks to the connect timeout), while
// liveness stays 200 so an orchestrator does not restart a healthy process for nothing.
describe("/api/ready and /api/health without a database", () => {
  it("answers 503 for ready and 200 for health", async () => {
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`;
    const ready = await import("@/app/api/ready/route");
    const health = await import("@/app/api/health/route");
    const res = await ready.GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", reason: "database not reachable" });
    expect(health.GET().status).toBe(200);
  });
});
