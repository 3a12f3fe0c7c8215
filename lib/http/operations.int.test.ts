import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPasswordUser } from "@/lib/auth/credentials";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { startBuiltServer, type BuiltServer } from "@/lib/testing/built-server";
import { formatProblems, readMetrics, sampleValue } from "@/lib/testing/prometheus-text";
import { openSse } from "@/lib/testing/sse";
import { alertRules, dashboardQueries, metricNames } from "../../deploy/monitoring";

// The production build's logs and metrics, read as Kubernetes and Prometheus read them.
const ADMIN_TOKEN = "ops-admin-token-0123456789abcdef";
const METRICS_TOKEN = "ops-metrics-token-0123456789ab";
const AUTH_SECRET = "ops-auth-secret-0123456789abcdef-xyz";
const USER = { email: `${uniqueSlug("ops")}@ferry.local`, name: "Ops Admin", password: "ops-password-never-logged-42" };
let t: TestDatabase;
let server: BuiltServer;
let userId: string;
let cookie = "";
let sessionToken = "";
let apiToken = "";
let slug = "";

beforeAll(async () => {
  t = await openTestDatabase();
  userId = await createPasswordUser(t.db, { ...USER, isAdmin: true });
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    FERRY_ADMIN_TOKEN: ADMIN_TOKEN,
    FERRY_METRICS_TOKEN: METRICS_TOKEN,
    BETTER_AUTH_SECRET: AUTH_SECRET,
    // Debug shows the probes' lines and failed statements too: more lines to check for secrets.
    FERRY_LOG_LEVEL: "debug",
    ...(process.env.DATABASE_URL ? {} : { FERRY_DB_POOL: "1" }),
  });
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: server.url, "x-request-id": "ops-sign-in" }, body: JSON.stringify({ email: USER.email, password: USER.password }) });
  expect(signIn.status).toBe(200);
  cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  sessionToken = /session_token=([^;]+)/.exec(cookie)![1];
  const made = await fetch(`${server.url}/api/v1/tokens`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ email: USER.email, name: "ops test" }) });
  expect(made.status).toBe(201);
  apiToken = (await made.json()).token;
  slug = uniqueSlug("ops");
  const created = await fetch(`${server.url}/api/v1/programmes`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json", "x-request-id": "ops-create" }, body: JSON.stringify({ name: "Ops", slug }) });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
  await t?.close();
});

const get = (p: string, headers: Record<string, string>) => fetch(`${server.url}${p}`, { headers });

/** Every line the server wrote since it started, parsed; Next's own banner lines excepted. */
function logLines(): Record<string, unknown>[] {
  const lines = server.output().split("\n").filter((l) => l.trim() !== "");
  const banner = lines.filter((l) => !l.startsWith("{"));
  for (const l of banner) expect(l, "a log line that is not JSON").toMatch(/^\s*(▲ Next\.js|- (Local|Network):|✓ (Ready|Running|Starting))/);
  return lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
}

const waitForLine = async (match: (l: Record<string, unknown>) => boolean) => {
  for (const until = Date.now() + 5_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const found = logLines().find(match);
    if (found) return found;
  }
  throw new Error(`no such log line in:\n${server.output().slice(-6000)}`);
};

describe("the JSON log", () => {
  it("has one access line per request with the request id given, route pattern, method, status, duration and actor", async () => {
    expect((await get(`/api/v1/programmes/${slug}/waves`, { authorization: `Bearer ${apiToken}`, "x-request-id": "ops-token-read" })).status).toBe(200);
    expect((await get(`/p/${slug}/slices`, { cookie, "x-request-id": "ops-page" })).status).toBe(200);
    expect((await get(`/api/v1/programmes/${slug}/slices/nope`, { authorization: `Bearer ${ADMIN_TOKEN}`, "x-request-id": "ops-not-found" })).status).toBe(404);
    const byToken = await waitForLine((l) => l.msg === "request" && l.request_id === "ops-token-read");
    expect(byToken).toMatchObject({ level: "info", method: "GET", route: "/api/v1/programmes/[slug]/waves", status: 200, actor_id: userId });
    expect(typeof byToken.duration_ms).toBe("number");
    expect(typeof byToken.time).toBe("string");
    expect(await waitForLine((l) => l.msg === "request" && l.request_id === "ops-page")).toMatchObject({ route: "/p/[programme]/slices", status: 200, actor_id: userId });
    expect(await waitForLine((l) => l.msg === "request" && l.request_id === "ops-not-found")).toMatchObject({ route: "/api/v1/programmes/[slug]/slices/[id]", status: 404, actor_id: null });
  });

  it("puts the request id on the lines a request causes beyond the access line: a failed statement", async () => {
    const again = await fetch(`${server.url}/api/v1/programmes`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json", "x-request-id": "ops-duplicate" }, body: JSON.stringify({ name: "Ops again", slug }) });
    expect(again.status).toBe(409);
    expect(again.headers.get("x-request-id")).toBe("ops-duplicate");
    const failed = await waitForLine((l) => l.msg === "database statement failed" && l.request_id === "ops-duplicate");
    expect(failed).toMatchObject({ level: "debug", error: { message: expect.stringMatching(/unique|duplicate/i) } });
  });

  it("counts a server action by name and outcome, and logs it", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "standalone", path.basename(process.env.NEXT_DIST_DIR ?? ".next"), "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
    const [actionId] = Object.entries(manifest.node).find(([, a]) => a.exportedName === "createProgrammeAction")!;
    // Signed out: the action refuses, UNAUTHENTICATED.
    const r = await fetch(`${server.url}/`, { method: "POST", headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin: server.url, "x-request-id": "ops-action" }, body: JSON.stringify([null, {}]) });
    expect(r.status).toBe(200);
    expect(await waitForLine((l) => l.msg === "request" && l.request_id === "ops-action")).toMatchObject({ action: "createProgrammeAction", outcome: "UNAUTHENTICATED", route: "/" });
    const scrape = readMetrics(await (await get("/api/metrics", {})).text());
    expect(sampleValue(scrape, "ferry_server_actions_total", { action: "createProgrammeAction", outcome: "UNAUTHENTICATED" })).toBeGreaterThanOrEqual(1);
  });

  it("never writes a secret: tokens, the session cookie, the password, the signing secret", () => {
    const text = server.output();
    expect(logLines().length).toBeGreaterThanOrEqual(8);
    for (const secret of [ADMIN_TOKEN, METRICS_TOKEN, AUTH_SECRET, USER.password, sessionToken, decodeURIComponent(sessionToken), apiToken]) expect(text.includes(secret), `a secret of ${secret.length} characters is in the log`).toBe(false);
  });
});

describe("/api/metrics", () => {
  it("answers the Prometheus text format with the request, database, pool, live and domain series", async () => {
    const live = openSse(`${server.url}/api/v1/programmes/${slug}/stream`, { cookie });
    expect(await live.status).toBe(200);
    const text = await (await get("/api/metrics", {})).text();
    live.close();
    expect(formatProblems(text)).toBe("");
    const scrape = readMetrics(text);
    expect(sampleValue(scrape, "ferry_http_requests_total", { method: "GET", route: "/api/v1/programmes/[slug]/waves", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(scrape, "ferry_db_query_duration_seconds_count", { outcome: "ok" })).toBeGreaterThan(0);
    expect(sampleValue(scrape, "ferry_db_pool_connections", { state: "open" })).toBeGreaterThan(0);
    expect(sampleValue(scrape, "ferry_live_clients")).toBe(1);
    // The total counts every programme in the database, which on the embedded database other
    // test files share (it was 84 there): the series must be there and be a count.
    expect(Number.isInteger(sampleValue(scrape, "ferry_blocked_slices"))).toBe(true);
    // Programmes are never named without the metrics token.
    expect(text).not.toContain(slug);
  });

  it("names each programme for the metrics token's holder", async () => {
    const text = await (await get("/api/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })).text();
    expect(formatProblems(text)).toBe("");
    expect(sampleValue(readMetrics(text), "ferry_open_gating_items", { programme: slug })).toBe(0);
  });

  it("exports every series the dashboard and the alerts read", async () => {
    // Open a stream so the live series exist, as they do on any replica with a browser on it.
    const live = openSse(`${server.url}/api/v1/programmes/${slug}/stream`, { cookie });
    await live.status;
    const scrape = readMetrics(await (await get("/api/metrics", {})).text());
    // Declared families count too: a gauge with no series yet (no slices) is still exported.
    const names = new Set([...scrape.types.keys(), ...scrape.samples.map((s) => s.name.replace(/_(bucket|count|sum)$/, ""))]);
    live.close();
    const used = [...dashboardQueries().map((q) => q.expr), ...alertRules().map((r) => r.expr)].flatMap(metricNames);
    for (const name of new Set(used)) expect(names, name).toContain(name);
  });
});
