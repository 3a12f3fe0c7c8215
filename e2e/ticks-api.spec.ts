import type { Db } from "../lib/db";
import { test, expect, adminHeaders } from "./fixtures";
import { onFreshConnection } from "./support/fresh-connection";

// Ticks over HTTP, as pipelines send them: the single PATCH and the bulk POST answer like
// every other API route (envelope, headers, request ids, metrics) and write nothing on bad
// input. Each test ticks in a programme of its own (the `programme` fixture).

/** Open items on slices below 100% (their tick changes nothing but the item). */
const openItems = (db: Db, slug: string, n: number) =>
  db.checklistItem.findMany({
    where: { programme: { slug }, state: "open", key: { not: "rollback-rehearsed" }, slice: { stage: { not: "pct100" } } },
    select: { id: true, sliceId: true },
    take: n,
    orderBy: { id: "asc" },
  });

const eventCount = (db: Db, slug: string) => db.event.count({ where: { programme: { slug } } });

const tickUrl = (base: string, slug: string, i: { id: string; sliceId: string }) => `${base}/api/v1/programmes/${slug}/slices/${i.sliceId}/checklist/${i.id}`;
const bulkUrl = (base: string, slug: string) => `${base}/api/v1/programmes/${slug}/checklist/ticks`;
const json = { ...adminHeaders, "content-type": "application/json" };
const SECURITY_HEADERS = ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"];

/** ferry_api_requests_total for one method and status, whatever order the labels come in. */
async function requestsCounted(request: { get: (url: string) => Promise<{ text: () => Promise<string> }> }, method: string, status: string): Promise<number> {
  const text = await (await request.get("/api/metrics")).text();
  const line = text.split("\n").find((l) => l.startsWith("ferry_api_requests_total{") && l.includes(`method="${method}"`) && l.includes(`status="${status}"`));
  return Number(line?.split(" ").at(-1) ?? 0);
}

test.describe("ticks over HTTP", () => {
  test("a tick's answer carries the API's headers, its request id and the item", async ({ request, baseURL, db, programme }) => {
    const slug = programme.slug;
    const items = await openItems(db, slug, 2);
    const other = await request.get("/api/v1/programmes", { headers: adminHeaders });

    const res = await onFreshConnection(tickUrl(baseURL!, slug, items[0]), { method: "PATCH", headers: { ...json, "x-request-id": "e2e-tick-7" }, body: JSON.stringify({ state: "done", evidenceUrl: "https://ci.example/run/7" }) });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-request-id"]).toBe("e2e-tick-7");
    for (const h of SECURITY_HEADERS) expect(res.headers[h], h).toBe(other.headers()[h]);
    expect(JSON.parse(res.body)).toMatchObject({ id: items[0].id, state: "done", evidenceUrl: "https://ci.example/run/7", by: "admin token" });

    // An id that is not sane is replaced, as for every other request.
    const odd = await onFreshConnection(tickUrl(baseURL!, slug, items[1]), { method: "PATCH", headers: { ...json, "x-request-id": "not a sane id" }, body: JSON.stringify({ state: "done" }) });
    expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // The audit trail has the tick, once, under the caller's request id.
    const recorded = await db.event.findMany({ where: { entityId: items[0].id, action: "checklist_item.ticked" }, select: { requestId: true } });
    expect(recorded).toEqual([{ requestId: "e2e-tick-7" }]);
  });

  test("bad requests get the API's error envelope and write nothing", async ({ baseURL, db, programme }) => {
    const slug = programme.slug;
    const items = await openItems(db, slug, 1);
    const events = await eventCount(db, slug);
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
    expect(await eventCount(db, slug)).toBe(events);
  });

  test("metrics count ticks", async ({ request, baseURL, db, programme }) => {
    const slug = programme.slug;
    const items = await openItems(db, slug, 6);
    const before = await requestsCounted(request, "PATCH", "200");
    for (const item of items) {
      expect((await onFreshConnection(tickUrl(baseURL!, slug, item), { method: "PATCH", headers: json, body: JSON.stringify({ state: "done" }) })).status).toBe(200);
    }
    // Other specs may tick meanwhile: at least these six are counted.
    expect((await requestsCounted(request, "PATCH", "200")) - before).toBeGreaterThanOrEqual(6);
  });

  test("a bulk tick answers the items in order with the API's headers, and a refusal names the failing entries and writes nothing", async ({ request, baseURL, db, programme }) => {
    const slug = programme.slug;
    const items = await openItems(db, slug, 4);
    const other = await request.get("/api/v1/programmes", { headers: adminHeaders });
    const events = await eventCount(db, slug);

    const refused = await onFreshConnection(bulkUrl(baseURL!, slug), {
      method: "POST",
      headers: { ...json, "x-request-id": "e2e-bulk-1" },
      body: JSON.stringify({ ticks: [{ sliceId: items[0].sliceId, itemId: items[0].id, state: "done" }, { sliceId: items[1].sliceId, itemId: "no-such-item", state: "done" }] }),
    });
    expect(refused.status).toBe(404);
    expect(refused.headers["x-request-id"]).toBe("e2e-bulk-1");
    expect(refused.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(refused.body).error).toMatchObject({ code: "NOT_FOUND", details: [{ index: 1, code: "NOT_FOUND" }] });
    const invalid = await onFreshConnection(bulkUrl(baseURL!, slug), { method: "POST", headers: json, body: JSON.stringify({ ticks: [{ sliceId: items[0].sliceId, itemId: items[0].id, state: "na" }] }) });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatchObject({ code: "INVALID", details: [{ index: 0, code: "INVALID", path: "reason" }] });
    expect((await onFreshConnection(bulkUrl(baseURL!, slug), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);
    expect(await eventCount(db, slug)).toBe(events);

    const body = { ticks: items.map((i, n) => ({ sliceId: i.sliceId, itemId: i.id, state: "done", evidenceUrl: `https://ci.example/run/${n}` })).reverse() };
    const res = await onFreshConnection(bulkUrl(baseURL!, slug), { method: "POST", headers: { ...json, "x-request-id": "e2e-bulk-2" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    for (const h of SECURITY_HEADERS) expect(res.headers[h], h).toBe(other.headers()[h]);
    const answered = JSON.parse(res.body).items as { id: string; state: string; by: string }[];
    expect(answered.map((i) => i.id)).toEqual(body.ticks.map((t) => t.itemId));
    expect(answered.every((i) => i.state === "done" && i.by === "admin token")).toBe(true);
    const recorded = await db.event.findMany({ where: { requestId: "e2e-bulk-2" }, select: { action: true } });
    expect(recorded).toEqual(items.map(() => ({ action: "checklist_item.ticked" })));
  });
});
