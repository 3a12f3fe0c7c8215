import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { ADMIN_TOKEN, apiRequest, routeParams, seedSliceProgramme, type SliceProgramme } from "@/lib/slices/test-fixtures";

// The single tick under contention: what it reads and whom it authorises are those of the
// slice and item as they stand once it holds the slice's lock, not as they stood when it
// started waiting for it.
const onServer = Boolean(process.env.DATABASE_URL);
let t: TestDatabase;
let p: SliceProgramme;
let tickRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN_TOKEN;
  tickRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
  p = await seedSliceProgramme(t.db);
});

const tick = (sliceId: string, itemId: string, body: unknown, token?: string) =>
  tickRoute.PATCH(apiRequest("PATCH", `/programmes/${p.slug}/slices/${sliceId}/checklist/${itemId}`, body, token), routeParams({ slug: p.slug, id: sliceId, itemId }));

describe("a tick under contention", () => {
  it("records a chain of events for 30 concurrent ticks of one item: each one's before is the last one's after", async () => {
    const s = await p.newSlice();
    const item = s.items[0];
    const bodies = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? { state: "open" } : { state: "done", evidenceUrl: `https://ci.example/run/${i}` }));
    const responses = await Promise.all(bodies.map((body, i) => tick(s.id, item.id, body, i % 2 ? p.lead.token : ADMIN_TOKEN)));
    expect(responses.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const events = await t.db.event.findMany({ where: { entityId: item.id, action: "checklist_item.ticked" }, orderBy: { id: "asc" } });
    expect(events.length).toBeGreaterThan(10);
    let last: Record<string, unknown> = { state: "open" };
    for (const e of events) {
      expect(e.before).toEqual(last);
      const { title: _title, sliceId: _slice, ...resolution } = e.after as Record<string, unknown>;
      expect(resolution).not.toEqual(last);
      last = resolution;
    }
    const stored = await t.db.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
    expect({ state: stored.state, ...(stored.evidenceUrl ? { evidenceUrl: stored.evidenceUrl } : {}) }).toEqual(last);
  });

  // A second connection holds the slice's row lock; the embedded database runs one
  // transaction at a time, so there the tick could never start while it is open.
  it.skipIf(!onServer)("judges a slice handed to another team while the tick waited for its lock by its new team", async () => {
    const s = await p.newSlice();
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE "Slice" SET "teamId" = $1 WHERE id = $2`, [p.otherTeamId, s.id]);
      const pending = tick(s.id, s.items[0].id, { state: "done" }, p.lead.token);
      // Committed only once the tick is seen waiting for the lock.
      const waiting = async () => (await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n as number;
      for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await waiting()).toBe(1);
      await other.query("COMMIT");
      const res = await pending;
      expect(res.status).toBe(403);
    } finally {
      await other.end();
    }
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: s.items[0].id } })).state).toBe("open");
    expect(await t.db.event.count({ where: { entityId: s.items[0].id } })).toBe(0);
  });
});
