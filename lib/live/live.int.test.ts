import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { startBuiltServer, type BuiltServer } from "@/lib/testing/built-server";
import { openSse, type SseClient } from "@/lib/testing/sse";

// Live updates through PostgreSQL LISTEN/NOTIFY, served by the production build. On a real
// server: two app processes on one database, as two replicas. On the embedded database (one
// session, one process): the same process's streams, through its pool's connections.
const TOKEN = "live-test-admin-token-0123456789abcdef";
const onServer = Boolean(process.env.DATABASE_URL);
let t: TestDatabase;
const started: BuiltServer[] = [];
const streams: SseClient[] = [];

const serve = async () => {
  const s = await startBuiltServer({ FERRY_LOG_LEVEL: "debug", DATABASE_URL: t.url, FERRY_ADMIN_TOKEN: TOKEN, BETTER_AUTH_SECRET: "live-test-secret-0123456789abcdef0123", ...(onServer ? {} : { FERRY_DB_POOL: "1" }) });
  started.push(s);
  return s;
};

beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  for (const s of streams) s.close();
  for (const s of started) await s.stop();
  await t?.close();
});

const auth = { authorization: `Bearer ${TOKEN}` };

async function createProgramme(server: BuiltServer): Promise<{ slug: string; id: string }> {
  const slug = uniqueSlug("live");
  const r = await fetch(`${server.url}/api/v1/programmes`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: `Live ${slug}`, slug }) });
  expect(r.status).toBe(201);
  const { id } = await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return { slug, id };
}

/** A change: one service imported (its events written in one transaction). */
async function importService(server: BuiltServer, slug: string, name: string) {
  const r = await fetch(`${server.url}/api/v1/programmes/${slug}/import?format=csv`, { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: `name,team,kind\n${name},core,api\n` });
  expect(r.status, await r.clone().text()).toBe(200);
}

const lastEventId = async (programmeId: string) => (await t.db.event.findFirstOrThrow({ where: { programmeId }, orderBy: { id: "desc" }, select: { id: true } })).id;

function stream(server: BuiltServer, slug: string, headers: Record<string, string> = {}) {
  const s = openSse(`${server.url}/api/v1/programmes/${slug}/stream`, { ...auth, ...headers });
  streams.push(s);
  return s;
}

describe("the programme stream", () => {
  let a: BuiltServer;
  let b: BuiltServer;
  beforeAll(async () => {
    a = await serve();
    // Two replicas on a real server; the embedded database serves one process.
    b = onServer ? await serve() : a;
  }, 120_000);

  it("pushes a change made through one replica to a client of the other, with the event's id", async () => {
    const { slug, id } = await createProgramme(a);
    const client = stream(b, slug);
    expect(await client.status).toBe(200);
    // The stream is open once its first bytes arrived; then the change.
    await new Promise((r) => setTimeout(r, 300));
    const before = await lastEventId(id);
    await importService(a, slug, "checkout");
    // The import writes its events (the team's, the service's) in one transaction: each is sent.
    const written = await t.db.event.findMany({ where: { programmeId: id, id: { gt: before } }, select: { id: true }, orderBy: { id: "asc" } });
    expect(written.length).toBeGreaterThan(0);
    const last = await client.waitFor((e) => Number(e.id) === written.at(-1)!.id);
    expect(JSON.parse(last.data)).toMatchObject({ id: written.at(-1)!.id });
    // One message per event, or one for a bulk insert's rows ({ count }, id of its last row).
    const changes = client.events.filter((e) => e.event === "change").map((e) => JSON.parse(e.data) as { id: number; count?: number });
    for (const c of changes) expect(written.map((e) => e.id)).toContain(c.id);
    expect(changes.reduce((n, c) => n + (c.count ?? 1), 0)).toBe(written.length);
  });

  it("replays what a resumed stream missed, from Last-Event-ID", async () => {
    const { slug, id } = await createProgramme(a);
    const first = stream(b, slug);
    await first.status;
    await new Promise((r) => setTimeout(r, 300));
    await importService(a, slug, "billing");
    const seen = await first.waitFor((e) => e.event === "change");
    first.close();
    await first.closed;
    // Changes while the client is away...
    await importService(a, slug, "ledger");
    await importService(a, slug, "invoices");
    const missed = (await t.db.event.findMany({ where: { programmeId: id, id: { gt: Number(seen.id) } }, select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
    expect(missed.length).toBeGreaterThanOrEqual(2);
    // ...are sent on reconnecting, in order, before anything new.
    const resumed = stream(b, slug, { "last-event-id": seen.id! });
    await resumed.waitFor((e) => Number(e.id) === missed.at(-1));
    const ids = resumed.events.filter((e) => e.event === "change").map((e) => Number(e.id));
    for (const m of missed) expect(ids).toContain(m);
    expect(ids.filter((i) => i > Number(seen.id))).toEqual(missed);
    // And it stays live afterwards.
    await importService(a, slug, "refunds");
    const latest = await lastEventId(id);
    await resumed.waitFor((e) => Number(e.id) === latest);
  });

  it("is authorised like the programme's reads", async () => {
    const { slug } = await createProgramme(a);
    const anonymous = await fetch(`${b.url}/api/v1/programmes/${slug}/stream`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
    const wrongToken = await fetch(`${b.url}/api/v1/programmes/${slug}/stream`, { headers: { authorization: "Bearer ferry_not-a-real-token-at-all-0000" } });
    expect(wrongToken.status).toBe(401);
    const unknown = await fetch(`${b.url}/api/v1/programmes/no-such-${slug}/stream`, { headers: auth });
    expect(unknown.status).toBe(404);
  });

  it.runIf(onServer)("listens again by itself when its connection is cut (a database restart), and sends what it missed meanwhile", async () => {
    const { slug, id } = await createProgramme(a);
    const client = stream(b, slug);
    await client.status;
    let closed = false;
    void client.closed.then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 300));
    // What a restart does to every connection, here to the listening ones only.
    const database = new URL(t.url).pathname.slice(1);
    const cut = await t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'`, database);
    expect(cut[0].n).toBeGreaterThanOrEqual(1);
    // A change while replica B's listener is down reaches its client through the replay.
    await importService(a, slug, "during-the-outage");
    const duringOutage = await lastEventId(id);
    await client.waitFor((e) => Number(e.id) === duringOutage, 15_000).catch((error) => {
      throw new Error(`${error}\nclosed: ${closed}\n${b.output().split("\n").filter((l) => /live/.test(l)).slice(-25).join("\n")}`);
    });
    await importService(a, slug, "after-the-outage");
    const after = await lastEventId(id);
    await client.waitFor((e) => Number(e.id) === after, 15_000);
    const metrics = await (await fetch(`${b.url}/api/metrics`)).text();
    expect(metrics).toMatch(/\nferry_live_listener_reconnects_total [1-9]/);
    expect(metrics).toMatch(/\nferry_live_listener_up 1\n/);
  }, 60_000);
});
