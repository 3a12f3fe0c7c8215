import { createDb } from "../lib/db";
import { test, expect, adminHeaders, e2eDatabaseUrl, seedProgramme } from "./fixtures";
import { onFreshConnection } from "./support/fresh-connection";

// Ticks are answered by Ferry's web server directly, not through Next's request pipeline
// (ADR 16). The answers must be those of the API's other routes: same envelope, headers,
// request ids and metrics, and nothing written on bad input.
async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** Open items on slices below 100% whose tick changes nothing but the item (the fast path). */
const openItems = (slug: string, n: number) =>
  withDb((db) =>
    db.checklistItem.findMany({
      where: { programme: { slug }, state: "open", key: { not: "rollback-rehearsed" }, slice: { stage: { not: "pct100" } } },
      select: { id: true, sliceId: true },
      take: n,
      orderBy: { id: "asc" },
    }),
  );

const eventCount = (slug: string) => withDb((db) => db.event.count({ where: { programme: { slug } } }));

const tickUrl = (base: string, slug: string, i: { id: string; sliceId: string }) => `${base}/api/v1/programmes/${slug}/slices/${i.sliceId}/checklist/${i.id}`;
const json = { ...adminHeaders, "content-type": "application/json" };

test.describe("ticks answered directly", () => {
  test("a tick's answer carries the API's headers, its request id and the item", async ({ request, baseURL }) => {
    const slug = await seedProgramme("direct");
    const items = await openItems(slug, 2);
    // Next marks what it serves with Vary; the direct route does not, so its answer is the one under test.
    const viaNext = await request.get("/api/v1/programmes", { headers: adminHeaders });
    expect(viaNext.headers()["vary"]).toBeTruthy();

    const res = await onFreshConnection(tickUrl(baseURL!, slug, items[0]), { method: "PATCH", headers: { ...json, "x-request-id": "e2e-direct-7" }, body: JSON.stringify({ state: "done", evidenceUrl: "https://ci.example/run/7" }) });
    expect(res.status).toBe(200);
    expect(res.headers["vary"]).toBeUndefined();
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.headers["x-request-id"]).toBe("e2e-direct-7");
    for (const h of ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"]) expect(res.headers[h], h).toBe(viaNext.headers()[h]);
    expect(JSON.parse(res.body)).toMatchObject({ id: items[0].id, state: "done", evidenceUrl: "https://ci.example/run/7", by: "admin token" });

    // An id that is not sane is replaced, as for every other request.
    const odd = await onFreshConnection(tickUrl(baseURL!, slug, items[1]), { method: "PATCH", headers: { ...json, "x-request-id": "not a sane id" }, body: JSON.stringify({ state: "done" }) });
    expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // The audit trail has the tick, once, under the caller's request id.
    const recorded = await withDb((db) => db.event.findMany({ where: { entityId: items[0].id, action: "checklist_item.ticked" }, select: { requestId: true } }));
    expect(recorded).toEqual([{ requestId: "e2e-direct-7" }]);
  });

  test("bad requests get the API's error envelope and write nothing", async ({ baseURL }) => {
    const slug = await seedProgramme("direct-bad");
    const items = await openItems(slug, 1);
    const events = await eventCount(slug);
    const url = tickUrl(baseURL!, slug, items[0]);
    const cases: [string, Record<string, string>, string, number, string][] = [
      ["no token", { "content-type": "application/json" }, JSON.stringify({ state: "done" }), 401, "UNAUTHENTICATED"],
      ["not JSON", json, "{state", 400, "INVALID"],
      ["unknown state", json, JSON.stringify({ state: "finished" }), 400, "INVALID"],
      ["N/A without a reason", json, JSON.stringify({ state: "na" }), 400, "INVALID"],
      ["evidence that is not http(s)", json, JSON.stringify({ state: "done", evidenceUrl: "javascript:alert(1)" }), 400, "INVALID"],
      ["over the size cap", json, JSON.stringify({ state: "done", reason: "x".repeat(1_100_000) }), 413, "PAYLOAD_TOO_LARGE"],
    ];
    for (const [name, headers, body, status, code] of cases) {
      const res = await onFreshConnection(url, { method: "PATCH", headers, body });
      expect(res.status, name).toBe(status);
      expect(JSON.parse(res.body).error.code, name).toBe(code);
      expect(res.headers["x-request-id"], name).toBeTruthy();
    }
    const missing = await onFreshConnection(tickUrl(baseURL!, slug, { id: "no-such-item", sliceId: items[0].sliceId }), { method: "PATCH", headers: json, body: JSON.stringify({ state: "done" }) });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe("NOT_FOUND");
    expect(await eventCount(slug)).toBe(events);
  });

  test("metrics count direct ticks, summed over the web server processes", async ({ request, baseURL }) => {
    const slug = await seedProgramme("direct-metrics");
    const items = await openItems(slug, 6);
    const patched = async () => {
      const text = await (await request.get("/api/metrics")).text();
      return Number(/ferry_api_requests_total\{method="PATCH",status="200"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await patched();
    for (const item of items) {
      expect((await onFreshConnection(tickUrl(baseURL!, slug, item), { method: "PATCH", headers: json, body: JSON.stringify({ state: "done" }) })).status).toBe(200);
    }
    // Other specs may tick meanwhile: at least these six are counted.
    expect((await patched()) - before).toBeGreaterThanOrEqual(6);
    expect(await (await request.get("/api/metrics")).text()).toMatch(/ferry_web_processes 2\n/);
  });
});
