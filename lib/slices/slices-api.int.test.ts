import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import type { TrafficStage } from "@/lib/generated/prisma/enums";
import { ADMIN_TOKEN, apiRequest, routeParams, seedSliceProgramme, type SliceProgramme } from "./test-fixtures";
import { stageFromDb, stageIndex, type Stage } from "./stages";

// REST routes of issue 6 called as Next calls them, on a real database.
let t: TestDatabase;
let p: SliceProgramme;
let sliceRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/route");
let tickRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
let stageRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/stage/route");
let rolloutRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/rollout/route");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN_TOKEN;
  sliceRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/route");
  tickRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
  stageRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/stage/route");
  rolloutRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/rollout/route");
  p = await seedSliceProgramme(t.db);
});

const getSlice = (id: string, token?: string, slug = p.slug) => sliceRoute.GET(apiRequest("GET", `/programmes/${slug}/slices/${id}`, undefined, token), routeParams({ slug, id }));
const tick = (id: string, itemId: string, body: unknown, token?: string, slug = p.slug) =>
  tickRoute.PATCH(apiRequest("PATCH", `/programmes/${slug}/slices/${id}/checklist/${itemId}`, body, token), routeParams({ slug, id, itemId }));
const move = (id: string, body: unknown, token?: string) => stageRoute.POST(apiRequest("POST", `/programmes/${p.slug}/slices/${id}/stage`, body, token), routeParams({ slug: p.slug, id }));
const eventCount = () => t.db.event.count({ where: { programmeId: p.programmeId } });
const gatingUpTo = <T extends { gateStage: string | null }>(items: T[], stage: Stage): T[] =>
  items.filter((i) => i.gateStage !== null && stageIndex(stageFromDb(i.gateStage as TrafficStage)) <= stageIndex(stage));
const tickAll = async (id: string, items: { id: string }[], token?: string) => {
  for (const item of items) expect((await tick(id, item.id, { state: "done" }, token)).status).toBe(200);
};

describe("GET /programmes/{slug}/slices/{id}", () => {
  it("returns the slice with its services and checklist, to a viewer too", async () => {
    const s = await p.newSlice();
    const res = await getSlice(s.id, p.viewer.token);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: s.id, status: "planned", stage: "0", version: 0, wave: null });
    expect(body.services).toHaveLength(1);
    expect(body.checklist).toHaveLength(s.items.length);
    expect(body.checklist[0]).toMatchObject({ key: "production-image", gate: "mirror", state: "open", by: null, at: null });
  });

  it("answers 404 for an unknown slice and for a slice of another programme", async () => {
    expect((await getSlice("nope")).status).toBe(404);
    const other = await seedSliceProgramme(t.db);
    const theirs = await other.newSlice();
    expect((await getSlice(theirs.id)).status).toBe(404);
    expect((await getSlice(theirs.id, p.lead.token)).status).toBe(404);
  });
});

describe("PATCH .../checklist/{itemId}", () => {
  it("ticks done with evidence, records who and when, and writes one event", async () => {
    const s = await p.newSlice();
    const before = await eventCount();
    const res = await tick(s.id, s.items[0].id, { state: "done", evidenceUrl: "https://git.example/pr/1" }, p.lead.token);
    expect(res.status).toBe(200);
    const item = await res.json();
    expect(item).toMatchObject({ id: s.items[0].id, state: "done", evidenceUrl: "https://git.example/pr/1" });
    expect(item.by).toMatch(/^user-/);
    expect(Date.now() - Date.parse(item.at)).toBeLessThan(60_000);
    const row = await t.db.checklistItem.findUniqueOrThrow({ where: { id: s.items[0].id } });
    expect(row.doneById).toBe(p.lead.id);
    expect(await eventCount()).toBe(before + 1);
    const event = await t.db.event.findFirstOrThrow({ where: { entityId: s.items[0].id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "checklist_item.ticked", entityType: "checklist_item", actorId: p.lead.id });
    expect(event.before).toEqual({ state: "open" });
    expect(event.after).toEqual({ state: "done", evidenceUrl: "https://git.example/pr/1", title: row.title, sliceId: s.id });
  });

  it("marks not applicable with a reason and reopens, clearing who and when", async () => {
    const s = await p.newSlice();
    const na = await tick(s.id, s.items[1].id, { state: "na", reason: "no probes on a cron job" });
    expect(await na.json()).toMatchObject({ state: "na", reason: "no probes on a cron job", by: "admin token" });
    const open = await (await tick(s.id, s.items[1].id, { state: "open" })).json();
    expect(open).toMatchObject({ state: "open", reason: null, by: null, at: null });
  });

  it("does not write an event when nothing changes", async () => {
    const s = await p.newSlice();
    await tick(s.id, s.items[0].id, { state: "done" });
    const before = await eventCount();
    expect((await tick(s.id, s.items[0].id, { state: "done" })).status).toBe(200);
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ["an evidence URL that is not http(s)", { state: "done", evidenceUrl: "javascript:alert(1)" }, 400, "INVALID"],
    ["a relative evidence URL", { state: "done", evidenceUrl: "/pr/1" }, 400, "INVALID"],
    ["not applicable without a reason", { state: "na" }, 400, "INVALID"],
    ["not applicable with a blank reason", { state: "na", reason: "   " }, 400, "INVALID"],
    ["an unknown state", { state: "finished" }, 400, "INVALID"],
    ["an unknown field", { state: "done", by: "someone" }, 400, "INVALID"],
  ])("refuses %s and writes nothing", async (_label, body, status, code) => {
    const s = await p.newSlice();
    const before = await eventCount();
    const res = await tick(s.id, s.items[0].id, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await eventCount()).toBe(before);
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: s.items[0].id } })).state).toBe("open");
  });

  it("answers 404 for an item of another programme or another slice, 403 for another team's lead and a viewer", async () => {
    const s = await p.newSlice();
    const other = await seedSliceProgramme(t.db);
    const theirs = await other.newSlice();
    expect((await tick(s.id, theirs.items[0].id, { state: "done" })).status).toBe(404);
    expect((await tick(theirs.id, theirs.items[0].id, { state: "done" })).status).toBe(404);
    const sibling = await p.newSlice();
    expect((await tick(s.id, sibling.items[0].id, { state: "done" })).status).toBe(404);
    expect((await tick(s.id, s.items[0].id, { state: "done" }, p.otherLead.token)).status).toBe(403);
    expect((await tick(s.id, s.items[0].id, { state: "done" }, p.viewer.token)).status).toBe(403);
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: s.items[0].id } })).state).toBe("open");
  });
});

describe("POST .../stage", () => {
  it("refuses a move past open gates with the items listed, then moves once they are ticked", async () => {
    const s = await p.newSlice();
    const before = await eventCount();
    const refused = await move(s.id, { to: "mirror" }, p.lead.token);
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.code).toBe("GATE_BLOCKED");
    const gating = gatingUpTo(s.items, "mirror");
    expect(body.error.details.map((d: { id: string }) => d.id).sort()).toEqual(gating.map((i) => i.id).sort());
    expect(await eventCount()).toBe(before);

    await tickAll(s.id, gating, p.lead.token);
    const moved = await move(s.id, { to: "mirror", expectedVersion: 0 }, p.lead.token);
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ stage: "mirror", status: "parallel_run", version: 1 });
    const event = await t.db.event.findFirstOrThrow({ where: { entityId: s.id, action: "slice.stage_moved" } });
    expect(event.after).toEqual({ stage: "mirror", status: "parallel_run", kind: "advance" });
    expect(event.before).toEqual({ stage: "0", status: "planned" });
  });

  it("answers CONFLICT for a stale expectedVersion and writes nothing", async () => {
    const s = await p.newSlice();
    await tickAll(s.id, gatingUpTo(s.items, "mirror"));
    expect((await move(s.id, { to: "mirror" })).status).toBe(200);
    const before = await eventCount();
    const res = await move(s.id, { to: "0", reason: "oops", expectedVersion: 0 });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: "CONFLICT", details: { currentVersion: 1, expectedVersion: 0 } });
    expect(await eventCount()).toBe(before);
  });

  it("rolls back only with a reason, records the signal, and never checks gates on the way down", async () => {
    const s = await p.newSlice();
    await tickAll(s.id, gatingUpTo(s.items, "1"));
    expect((await move(s.id, { to: "mirror" })).status).toBe(200);
    expect((await move(s.id, { to: "1" })).status).toBe(200);
    // Reopen a gating item: the way back stays open.
    await tick(s.id, gatingUpTo(s.items, "mirror")[0].id, { state: "open" });
    const before = await eventCount();
    const noReason = await move(s.id, { to: "0" });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.details).toEqual([{ path: "reason", message: "A rollback needs a reason." }]);
    expect(await eventCount()).toBe(before);
    const res = await move(s.id, { to: "0", reason: "5xx spike", signal: "error_rate", observed: "4.1% 5xx" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stage: "0", status: "rolled_back" });
    const event = await t.db.event.findFirstOrThrow({ where: { entityId: s.id, action: "slice.rolled_back" } });
    expect(event.after).toEqual({ stage: "0", status: "rolled_back", kind: "rollback", reason: "5xx spike", signal: "error_rate", observed: "4.1% 5xx" });
  });

  it.each([
    ["a stage that is not in the list", { to: "7" }],
    ["an unknown signal", { to: "0", reason: "x", signal: "cpu" }],
    ["an unknown field", { to: "mirror", force: true }],
    ["a version that is not a number", { to: "mirror", expectedVersion: "latest" }],
  ])("refuses %s with 400", async (_label, body) => {
    const s = await p.newSlice();
    const res = await move(s.id, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("INVALID");
  });

  it("lets a manager skip with a reason but not a lead, and answers 404/403 like ticks", async () => {
    const s = await p.newSlice();
    await tickAll(s.id, gatingUpTo(s.items, "1"));
    expect((await move(s.id, { to: "1", reason: "mirror done out of band" }, p.lead.token)).status).toBe(403);
    expect((await move(s.id, { to: "mirror" }, p.otherLead.token)).status).toBe(403);
    expect((await move(s.id, { to: "mirror" }, p.viewer.token)).status).toBe(403);
    expect((await move("nope", { to: "mirror" }, p.lead.token)).status).toBe(404);
    const skipped = await move(s.id, { to: "1", reason: "mirror done out of band" });
    expect(skipped.status).toBe(200);
    const event = await t.db.event.findFirstOrThrow({ where: { entityId: s.id, action: "slice.stage_moved" } });
    expect(event.after).toMatchObject({ kind: "skip", skipped: ["mirror"], reason: "mirror done out of band" });
  });

  it("is done at 100% once the retirement items are ticked, and live again when one is reopened", async () => {
    const s = await p.newSlice();
    await tickAll(s.id, gatingUpTo(s.items, "100"));
    for (const to of ["mirror", "1", "10", "50", "100"]) expect((await move(s.id, { to })).status).toBe(200);
    const retired = s.items.filter((i) => i.category === "retired");
    await tickAll(s.id, retired);
    expect(await (await getSlice(s.id)).json()).toMatchObject({ status: "done", stage: "100" });
    const row = await t.db.slice.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.actualEnd).not.toBeNull();
    expect((await move(s.id, { to: "50", reason: "x" })).status).toBe(400);
    await tick(s.id, retired[0].id, { state: "open" });
    expect(await (await getSlice(s.id)).json()).toMatchObject({ status: "live" });
    const changes = await t.db.event.findMany({ where: { entityId: s.id, action: "slice.status_changed" }, orderBy: { id: "asc" } });
    expect(changes.map((e) => (e.after as { status: string }).status)).toEqual(["done", "live"]);
  });

  it("records the rehearsal date when the rollback-rehearsed item is ticked", async () => {
    const s = await p.newSlice();
    const rehearsal = s.items.find((i) => i.key === "rollback-rehearsed")!;
    await tick(s.id, rehearsal.id, { state: "done" });
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: s.id } })).rollbackRehearsedAt).not.toBeNull();
  });
});

describe("POST .../rollout", () => {
  it("reads a pasted rollout, keeps it as evidence and proposes the move", async () => {
    const s = await p.newSlice();
    const { readFileSync } = await import("node:fs");
    const yaml = readFileSync(new URL("../rollouts/fixtures/argo-rollout-paused.yaml", import.meta.url), "utf8");
    const res = await rolloutRoute.POST(apiRequest("POST", `/programmes/${p.slug}/slices/${s.id}/rollout`, yaml, p.lead.token), routeParams({ slug: p.slug, id: s.id }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ reading: { sourceKind: "Rollout", weight: 10 }, currentStage: "0", proposal: { to: "10", kind: "advance" } });
    const stored = await t.db.rolloutReading.findUniqueOrThrow({ where: { id: body.readingId } });
    expect(stored).toMatchObject({ sliceId: s.id, sourceKind: "Rollout", weight: 10, source: yaml, createdById: p.lead.id });
  });

  it("says which kinds are accepted for any other YAML, and stores nothing", async () => {
    const s = await p.newSlice();
    const res = await rolloutRoute.POST(apiRequest("POST", `/programmes/${p.slug}/slices/${s.id}/rollout`, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n"), routeParams({ slug: p.slug, id: s.id }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Rollout.*Canary.*VirtualService/);
    expect(await t.db.rolloutReading.count({ where: { sliceId: s.id } })).toBe(0);
  });
});
