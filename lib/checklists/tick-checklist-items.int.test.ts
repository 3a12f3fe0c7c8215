import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme } from "@/lib/seed/factories";
import { ADMIN_TOKEN, apiRequest, routeParams, seedSliceProgramme, type SliceProgramme } from "@/lib/slices/test-fixtures";

// The bulk tick (POST /checklist/ticks) called as Next calls it, on a real database: order,
// events and the status rule; all or nothing with each failing entry named by index; and two
// bulk ticks over the same slices in opposite orders both going through.
let t: TestDatabase;
let p: SliceProgramme;
let bulkRoute: typeof import("@/app/api/v1/programmes/[slug]/checklist/ticks/route");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN_TOKEN;
  bulkRoute = await import("@/app/api/v1/programmes/[slug]/checklist/ticks/route");
  p = await seedSliceProgramme(t.db);
});

type Entry = { sliceId: string; itemId: string; state: string; evidenceUrl?: string; reason?: string };
const bulk = (body: unknown, token?: string | null, slug = p.slug) => bulkRoute.POST(apiRequest("POST", `/programmes/${slug}/checklist/ticks`, body, token), routeParams({ slug }));
const ticks = (ticks: Entry[], token?: string) => bulk({ ticks }, token);
const entry = (sliceId: string, itemId: string, state = "done", extra: Partial<Entry> = {}): Entry => ({ sliceId, itemId, state, ...extra });
const eventCount = () => t.db.event.count({ where: { programmeId: p.programmeId } });
const states = (ids: string[]) => t.db.checklistItem.findMany({ where: { id: { in: ids } }, select: { id: true, state: true, evidenceUrl: true, reason: true }, orderBy: { id: "asc" } });

/** A slice at 100% (live), every gate done, with its retirement items still open. */
async function sliceAtFull() {
  const s = await p.newSlice();
  await t.db.checklistItem.updateMany({ where: { sliceId: s.id, category: { not: "retired" } }, data: { state: "done" } });
  await t.db.slice.update({ where: { id: s.id }, data: { stage: "pct100", status: "live" } });
  return { ...s, retired: s.items.filter((i) => i.category === "retired") };
}

describe("POST /programmes/{slug}/checklist/ticks", () => {
  it("ticks items across slices in the order given, one event per changed item, and the status rule once per slice", async () => {
    const [a, b] = [await p.newSlice(), await p.newSlice()];
    const full = await sliceAtFull();
    expect(full.retired.length).toBeGreaterThan(1);
    await t.db.checklistItem.update({ where: { id: a.items[2].id }, data: { state: "done" } }); // already done: a no-op
    const body = [
      entry(b.id, b.items[0].id, "done", { evidenceUrl: "https://ci.example/run/1" }),
      ...full.retired.map((i) => entry(full.id, i.id)),
      entry(a.id, a.items[1].id, "na", { reason: "no probes on a cron job" }),
      entry(a.id, a.items[2].id, "done"),
      entry(a.id, a.items[0].id, "open"), // already open: a no-op
    ];
    const before = await eventCount();
    const res = await ticks(body, p.lead.token);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((i: { id: string }) => i.id)).toEqual(body.map((e) => e.itemId));
    expect(items[0]).toMatchObject({ state: "done", evidenceUrl: "https://ci.example/run/1", reason: null });
    expect(items[0].by).toBeTruthy();
    expect(items[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(items.at(-3)).toMatchObject({ state: "na", reason: "no probes on a cron job" });
    expect(items.at(-1)).toMatchObject({ state: "open", by: null, at: null });

    // The answer is what is stored.
    const stored = await t.db.checklistItem.findUniqueOrThrow({ where: { id: b.items[0].id }, include: { doneBy: true } });
    expect(stored).toMatchObject({ state: "done", evidenceUrl: "https://ci.example/run/1", doneById: p.lead.id });
    expect(stored.doneAt?.toISOString()).toBe(items[0].at);
    expect(items[0].by).toBe(stored.doneBy?.name);

    const ticked = await t.db.event.findMany({ where: { programmeId: p.programmeId, action: "checklist_item.ticked", entityId: { in: body.map((e) => e.itemId) } }, orderBy: { id: "asc" } });
    const changed = body.length - 2;
    expect(ticked).toHaveLength(changed);
    expect(new Set(ticked.map((e) => e.entityId)).size).toBe(changed);
    const first = ticked.find((e) => e.entityId === b.items[0].id)!;
    expect(first).toMatchObject({ entityType: "checklist_item", actorId: p.lead.id, before: { state: "open" } });
    expect(first.after).toEqual({ state: "done", evidenceUrl: "https://ci.example/run/1", title: expect.any(String), sliceId: b.id });
    expect(ticked.find((e) => e.entityId === a.items[1].id)!.after).toEqual({ state: "na", reason: "no probes on a cron job", title: expect.any(String), sliceId: a.id });

    // Every retirement item resolved in one request: done, with one status change, not one per item.
    const slice = await t.db.slice.findUniqueOrThrow({ where: { id: full.id } });
    expect(slice.status).toBe("done");
    expect(slice.actualEnd).not.toBeNull();
    const statusEvents = await t.db.event.findMany({ where: { entityId: full.id, action: "slice.status_changed" } });
    expect(statusEvents.map((e) => e.after)).toEqual([{ stage: "100", status: "done", reason: "a checklist item was ticked" }]);
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("planned");
    expect((await eventCount()) - before).toBe(changed + 1);
  });

  it("writes nothing and records nothing when every entry is a no-op", async () => {
    const s = await p.newSlice();
    await ticks([entry(s.id, s.items[0].id), entry(s.id, s.items[1].id)]);
    const before = await eventCount();
    const res = await ticks([entry(s.id, s.items[0].id), entry(s.id, s.items[1].id)]);
    expect(res.status).toBe(200);
    expect(await eventCount()).toBe(before);
  });

  it("records the rehearsal date when the rollback-rehearsed item is ticked in bulk", async () => {
    const s = await p.newSlice();
    const rehearsal = s.items.find((i) => i.key === "rollback-rehearsed")!;
    const version = (await t.db.slice.findUniqueOrThrow({ where: { id: s.id } })).version;
    expect((await ticks([entry(s.id, s.items[0].id), entry(s.id, rehearsal.id)])).status).toBe(200);
    const row = await t.db.slice.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.rollbackRehearsedAt).not.toBeNull();
    expect(row.version).toBe(version + 1);
  });

  it("refuses an invalid entry with its index and field, and writes nothing", async () => {
    const s = await p.newSlice();
    const before = await eventCount();
    const res = await ticks([entry(s.id, s.items[0].id), entry(s.id, s.items[1].id, "done"), entry(s.id, s.items[2].id, "na"), entry(s.id, s.items[3].id, "finished")]);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("INVALID");
    expect(error.message).toMatch(/^2 of the 4 ticks are not valid; nothing was changed/);
    expect(error.details).toEqual([
      { index: 2, code: "INVALID", path: "reason", message: "say why the item does not apply" },
      { index: 3, code: "INVALID", path: "state", message: expect.stringMatching(/^use one of/) },
    ]);
    expect(await eventCount()).toBe(before);
    expect((await states(s.items.map((i) => i.id))).every((i) => i.state === "open")).toBe(true);
  });

  it("refuses two entries for the same item, naming both, and writes nothing", async () => {
    const s = await p.newSlice();
    const before = await eventCount();
    const res = await ticks([entry(s.id, s.items[0].id), entry(s.id, s.items[1].id), entry(s.id, s.items[0].id, "open")]);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details.map((d: { index: number; code: string }) => [d.index, d.code])).toEqual([
      [0, "INVALID"],
      [2, "INVALID"],
    ]);
    expect(error.details[0].message).toMatch(/Entries 0, 2 tick the same item/);
    expect(await eventCount()).toBe(before);
    expect((await states([s.items[1].id]))[0].state).toBe("open");
  });

  it("refuses a lead's entry on another team's slice with 403 and its index, writing none of the others", async () => {
    const [mine, theirs] = [await p.newSlice(), await p.newSlice({ team: "other" })];
    const before = await eventCount();
    const res = await ticks([entry(mine.id, mine.items[0].id), entry(theirs.id, theirs.items[0].id), entry(mine.id, mine.items[1].id)], p.lead.token);
    expect(res.status).toBe(403);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "FORBIDDEN", details: [{ index: 1, code: "FORBIDDEN", message: "Team leads can change only what their own teams own." }] });
    expect(await eventCount()).toBe(before);
    expect((await states([mine.items[0].id, mine.items[1].id, theirs.items[0].id])).every((i) => i.state === "open")).toBe(true);
    // A viewer may tick nothing.
    const viewer = await ticks([entry(mine.id, mine.items[0].id)], p.viewer.token);
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).error.details).toEqual([{ index: 0, code: "FORBIDDEN", message: "Viewers can read but not change anything." }]);
  });

  it("answers 404 naming unknown items, items of another slice and of another programme (and the forbidden ones with them)", async () => {
    const [mine, sibling, theirs] = [await p.newSlice(), await p.newSlice(), await p.newSlice({ team: "other" })];
    const elsewhere = await seedSliceProgramme(t.db);
    const foreign = await elsewhere.newSlice();
    const before = await eventCount();
    const body = [
      entry(mine.id, mine.items[0].id),
      entry(mine.id, "no-such-item"),
      entry(mine.id, sibling.items[0].id),
      entry(foreign.id, foreign.items[0].id),
      entry(theirs.id, theirs.items[0].id),
    ];
    const res = await ticks(body, p.lead.token);
    expect(res.status).toBe(404);
    const { error } = await res.json();
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/^3 of the 5 ticks name no item/);
    expect(error.details.map((d: { index: number; code: string }) => [d.index, d.code])).toEqual([
      [1, "NOT_FOUND"],
      [2, "NOT_FOUND"],
      [3, "NOT_FOUND"],
      [4, "FORBIDDEN"],
    ]);
    expect(await eventCount()).toBe(before);
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: foreign.items[0].id } })).state).toBe("open");
  });

  it("answers a programme the caller cannot see as not found, saying nothing about its items", async () => {
    const s = await p.newSlice();
    const other = await createProgramme(t.db);
    const res = await bulk({ ticks: [entry(s.id, s.items[0].id)] }, p.lead.token, other.slug);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toEqual({ code: "NOT_FOUND", message: "Programme was not found." });
    expect((await bulk({ ticks: [entry(s.id, s.items[0].id)] }, null)).status).toBe(401);
  });

  it("refuses 1,001 entries, none, an unknown field and a body that is not JSON as a whole", async () => {
    const s = await p.newSlice();
    const before = await eventCount();
    const many = Array.from({ length: 1001 }, (_, i) => entry(s.id, `item-${i}`));
    const tooMany = await ticks(many);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error).toMatchObject({ code: "INVALID", details: [{ path: "ticks", message: "send at most 1,000 ticks per request" }] });
    const none = await ticks([]);
    expect((await none.json()).error).toMatchObject({ code: "INVALID", details: [{ path: "ticks", message: "send at least one tick" }] });
    expect((await bulk({ ticks: [entry(s.id, s.items[0].id)], dryRun: true })).status).toBe(400);
    const notJson = await bulk("{ticks");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("INVALID");
    expect(await eventCount()).toBe(before);
  });

  it("ticks 1,000 entries in one request", async () => {
    const slices = [];
    while (slices.flatMap((s) => s.items).length < 1000) slices.push(await p.newSlice());
    const body = slices.flatMap((s) => s.items.map((i) => entry(s.id, i.id, "done", { evidenceUrl: `https://ci.example/${i.id}` }))).slice(0, 1000);
    const res = await ticks(body);
    expect(res.status).toBe(200);
    expect((await res.json()).items).toHaveLength(1000);
    expect(await t.db.event.count({ where: { action: "checklist_item.ticked", entityId: { in: body.map((e) => e.itemId) } } })).toBe(1000);
  });

  it("lets two bulk ticks over the same slices in opposite orders both through (slices are locked in id order)", async () => {
    const slices = await Promise.all(Array.from({ length: 8 }, () => p.newSlice()));
    const forward = slices.map((s) => entry(s.id, s.items[0].id));
    const backward = [...slices].reverse().map((s) => entry(s.id, s.items[1].id));
    const rounds = await Promise.all(Array.from({ length: 5 }, (_, r) => [ticks(r % 2 ? forward : backward), ticks(r % 2 ? backward : forward, p.lead.token)]).flat());
    expect(rounds.map((r) => r.status)).toEqual(rounds.map(() => 200));
    const ids = [...forward, ...backward].map((e) => e.itemId);
    expect((await states(ids)).every((i) => i.state === "done")).toBe(true);
    // Each item changed once; the repeats were no-ops.
    expect(await t.db.event.count({ where: { action: "checklist_item.ticked", entityId: { in: ids } } })).toBe(ids.length);
  });
});
