import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { ADMIN_TOKEN, apiRequest, routeParams, seedSliceProgramme, type SliceProgramme } from "./test-fixtures";

// Ticks and stage moves under concurrency: every tick recorded, stage moves serialised per
// slice with no lost or duplicated event. On a server the app's pool is 10 connections. The
// embedded database runs one transaction at a time and its socket server mixes up prepared
// statements of concurrent connections ("unnamed prepared statement does not exist"), so
// there the app gets one connection: the requests queue, and the same invariants must hold.
let t: TestDatabase;
let p: SliceProgramme;
let tickRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
let stageRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/stage/route");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN_TOKEN;
  tickRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
  stageRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/stage/route");
  p = await seedSliceProgramme(t.db);
});

describe("concurrency", () => {
  it("records 200 concurrent ticks on different items, each once", async () => {
    const slices = [];
    while (slices.flatMap((s) => s.items).length < 200) slices.push(await p.newSlice());
    const targets = slices.flatMap((s) => s.items.map((item) => ({ sliceId: s.id, itemId: item.id }))).slice(0, 200);
    const responses = await Promise.all(
      targets.map(({ sliceId, itemId }, i) =>
        tickRoute.PATCH(
          apiRequest("PATCH", `/programmes/${p.slug}/slices/${sliceId}/checklist/${itemId}`, { state: "done", evidenceUrl: `https://ci.example/run/${i}` }, i % 2 ? p.lead.token : ADMIN_TOKEN),
          routeParams({ slug: p.slug, id: sliceId, itemId }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(targets.map(() => 200));
    const ids = targets.map((x) => x.itemId);
    const items = await t.db.checklistItem.findMany({ where: { id: { in: ids } } });
    expect(items.every((i) => i.state === "done" && i.doneAt !== null)).toBe(true);
    const events = await t.db.event.findMany({ where: { entityId: { in: ids }, action: "checklist_item.ticked" } });
    expect(events).toHaveLength(200);
    expect(new Set(events.map((e) => e.entityId)).size).toBe(200);
    const byItem = new Map(events.map((e) => [e.entityId, e.after as { evidenceUrl: string }]));
    targets.forEach(({ itemId }, i) => expect(byItem.get(itemId)?.evidenceUrl).toBe(`https://ci.example/run/${i}`));
  });

  it("serialises 50 concurrent stage moves on one slice: each success is one event, and the events chain", async () => {
    const s = await p.newSlice();
    for (const item of s.items.filter((i) => i.gateStage === "mirror")) {
      await t.db.checklistItem.update({ where: { id: item.id }, data: { state: "done" } });
    }
    // Up to mirror and back to 0, interleaved: which succeed depends on the order they run in,
    // but whatever the order, the record must be a consistent chain.
    const bodies = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? { to: "mirror" } : { to: "0", reason: `rollback ${i}`, signal: "latency" }));
    const responses = await Promise.all(
      bodies.map((body) => stageRoute.POST(apiRequest("POST", `/programmes/${p.slug}/slices/${s.id}/stage`, body), routeParams({ slug: p.slug, id: s.id }))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((code) => code === 200 || code === 400)).toBe(true);
    const successes = statuses.filter((code) => code === 200).length;
    expect(successes).toBeGreaterThan(0);

    const slice = await t.db.slice.findUniqueOrThrow({ where: { id: s.id } });
    const events = await t.db.event.findMany({ where: { entityId: s.id, action: { in: ["slice.stage_moved", "slice.rolled_back"] } }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(successes);
    expect(slice.version).toBe(successes);
    let stage = "0";
    for (const e of events) {
      expect((e.before as { stage: string }).stage).toBe(stage);
      stage = (e.after as { stage: string }).stage;
    }
    expect(stage).toBe(slice.stage === "none" ? "0" : slice.stage);
  });

  it("lets exactly one of 50 concurrent moves with the same expectedVersion through", async () => {
    const s = await p.newSlice();
    for (const item of s.items.filter((i) => i.gateStage === "mirror")) {
      await t.db.checklistItem.update({ where: { id: item.id }, data: { state: "done" } });
    }
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        stageRoute.POST(apiRequest("POST", `/programmes/${p.slug}/slices/${s.id}/stage`, { to: "mirror", expectedVersion: 0 }), routeParams({ slug: p.slug, id: s.id })),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((c) => c === 200)).toHaveLength(1);
    expect(statuses.filter((c) => c === 409)).toHaveLength(49);
    expect(await t.db.event.count({ where: { entityId: s.id, action: "slice.stage_moved" } })).toBe(1);
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: s.id } })).version).toBe(1);
  });
});
