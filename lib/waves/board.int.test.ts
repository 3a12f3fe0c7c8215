import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createWave } from "@/lib/seed";
import { isAppError } from "@/lib/errors";
import { admin, smallProgramme, userWithRole } from "./test-helpers";

// The board's writes and reads on a real database: moves (plain, pinned, refused), wave edits.
let t: TestDatabase;
let m: typeof import("./mutations/apply-plan") & typeof import("./mutations/move-slice") & typeof import("./mutations/update-wave");
let q: typeof import("./queries");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign({}, ...(await Promise.all([import("./mutations/apply-plan"), import("./mutations/move-slice"), import("./mutations/update-wave")])));
  q = await import("./queries");
});

/** The programme after a first plan: Leaf 1, api 2, Web 3, db 4, plus an empty wave 5. */
async function planned() {
  const p = await smallProgramme(t.db);
  await m.applyPlan(admin, p.programme.slug, {});
  await createWave(t.db, { programmeId: p.programme.id, number: 5 });
  const slice = (name: string) => t.db.slice.findFirstOrThrow({ where: { programmeId: p.programme.id, name }, include: { wave: true } });
  return { ...p, slice };
}

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e) => (isAppError(e) ? e.code : `unexpected: ${e}`));

describe("moveSlice", () => {
  it("moves a slice within its bounds without pinning it, with an event", async () => {
    const p = await planned();
    const web = await p.slice("Web");
    const result = await m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 5, expectedVersion: web.version });
    expect(result).toMatchObject({ wave: 5, isPinned: false, breaks: [] });
    const after = await p.slice("Web");
    expect([after.wave?.number, after.pinnedWave, after.version]).toEqual([5, null, web.version + 1]);
    const event = await t.db.event.findFirstOrThrow({ where: { entityId: web.id, action: "slice.wave_changed" }, orderBy: { id: "desc" } });
    expect([event.before, event.after]).toEqual([{ wave: 3, pinnedWave: null, pinReason: null }, { wave: 5, pinnedWave: null, pinReason: null }]);
  });

  it("refuses a move that breaks the order until it is confirmed with a reason, then pins it", async () => {
    const p = await planned();
    const web = await p.slice("Web");
    const events = () => t.db.event.count({ where: { entityId: web.id } });
    const before = await events();
    await expect(m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 1 })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/breaks the order: it depends on api \(wave 2\)/) });
    // The refusal's details carry the broken links, so the board asks for a pin without reading the message.
    await expect(m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { toWave: 1, mustFollow: [{ slice: "api", wave: 2, service: "web", other: "api" }], mustPrecede: [] },
    });
    await expect(m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 1, confirmBreak: true })).rejects.toMatchObject({ code: "INVALID", details: [{ path: "reason" }] });
    expect(await events()).toBe(before);
    expect((await p.slice("Web")).wave?.number).toBe(3);
    const result = await m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 1, confirmBreak: true, reason: "Launch campaign needs it first" });
    expect(result).toMatchObject({ wave: 1, isPinned: true });
    expect(result.breaks.map((b) => b.slice)).toEqual(["api"]);
    const after = await p.slice("Web");
    expect([after.wave?.number, after.pinnedWave, after.pinReason]).toEqual([1, 1, "Launch campaign needs it first"]);
    // The stored waves now report the broken order, and the planner keeps the pin.
    const stored = await q.getStoredWaves(admin, p.programme.slug);
    expect(stored.violations.map((v) => v.message)).toContain("slice Web (wave 1) must move after api (wave 2): web depends on api");
    expect(stored.waves[0].slices.find((s) => s.name === "Web")?.reason).toBe("pinned to wave 1 by a manager (Launch campaign needs it first)");
    const preview = await q.getProposedPlan(admin, p.programme.slug, {});
    expect(preview.waves[0].slices.map((s) => s.name)).toContain("Web");
    expect(preview.violations.some((v) => v.kind === "pin")).toBe(true);
  });

  it("answers a wave that does not exist with a field error, a stale version with CONFLICT", async () => {
    const p = await planned();
    const web = await p.slice("Web");
    await expect(m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 9 })).rejects.toMatchObject({ code: "INVALID", details: [{ path: "toWave" }] });
    expect(await codeOf(m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 5, expectedVersion: web.version + 7 }))).toBe("CONFLICT");
    await expect(m.moveSlice(admin, p.programme.slug, { sliceId: web.id, toWave: 5, expectedVersion: web.version + 7 })).rejects.toMatchObject({ details: { currentVersion: web.version, expectedVersion: web.version + 7 } });
    expect(await codeOf(m.moveSlice(admin, p.programme.slug, { sliceId: "no-such-slice", toWave: 5 }))).toBe("NOT_FOUND");
    expect((await p.slice("Web")).version).toBe(web.version);
  });

  it("lets a lead move their own team's slice in order, but not pin it, nor move another team's", async () => {
    const p = await planned();
    const lead = await userWithRole(t.db, p.programme.id, "lead", [p.teams.shop.id]);
    const viewer = await userWithRole(t.db, p.programme.id, "viewer");
    const web = await p.slice("Web");
    const leaf = await p.slice("Leaf");
    expect(await codeOf(m.moveSlice(viewer.actor, p.programme.slug, { sliceId: web.id, toWave: 5 }))).toBe("FORBIDDEN");
    expect(await codeOf(m.moveSlice(lead.actor, p.programme.slug, { sliceId: leaf.id, toWave: 5, confirmBreak: true, reason: "x" }))).toBe("FORBIDDEN");
    expect(await codeOf(m.moveSlice(lead.actor, p.programme.slug, { sliceId: web.id, toWave: 1, confirmBreak: true, reason: "x" }))).toBe("FORBIDDEN");
    await expect(m.moveSlice(lead.actor, p.programme.slug, { sliceId: web.id, toWave: 1 })).rejects.toMatchObject({ code: "FORBIDDEN", details: { toWave: 1, mustFollow: [{ slice: "api" }] } });
    expect(await codeOf(m.moveSlice(lead.actor, p.programme.slug, { sliceId: web.id, toWave: 5 }))).toBe("ok");
  });
});

describe("updateWave", () => {
  it("saves name, goal and dates with an event; only a manager may", async () => {
    const p = await planned();
    const viewer = await userWithRole(t.db, p.programme.id, "viewer");
    const input = { number: 2, name: "Core", goal: "Move the core APIs", plannedStart: "2027-01-04", plannedEnd: "2027-02-26" };
    expect(await codeOf(m.updateWave(viewer.actor, p.programme.slug, input))).toBe("FORBIDDEN");
    await m.updateWave(admin, p.programme.slug, input);
    const wave = await t.db.wave.findFirstOrThrow({ where: { programmeId: p.programme.id, number: 2 } });
    expect([wave.name, wave.goal, wave.plannedStart?.toISOString().slice(0, 10), wave.plannedEnd?.toISOString().slice(0, 10)]).toEqual(["Core", "Move the core APIs", "2027-01-04", "2027-02-26"]);
    expect(await t.db.event.count({ where: { entityId: wave.id, action: "wave.updated" } })).toBe(1);
    expect(await codeOf(m.updateWave(admin, p.programme.slug, { number: 42 }))).toBe("NOT_FOUND");
  });
});

describe("getWaveBoard", () => {
  it("lays the stored waves out as columns with bounds, blocking and filters", async () => {
    const p = await planned();
    const leaf = await p.slice("Leaf");
    await t.db.checklistItem.createMany({ data: ["probes", "limits", "alerts"].map((key, i) => ({ programmeId: p.programme.id, sliceId: leaf.id, key, title: key, category: "migrated" as const, state: (["done", "na", "open"] as const)[i] })) });
    const board = await q.getWaveBoard(p.programme.id, {});
    expect(board.columns[0].cards[0].progress).toEqual({ resolved: 2, total: 3, percent: 66 });
    expect(board.columns.map((c) => [c.number, c.cards.map((card) => card.name)])).toEqual([[1, ["Leaf"]], [2, ["api"]], [3, ["Web"]], [4, ["db"]], [5, []]]);
    const api = board.columns[1].cards[0];
    expect(api).toMatchObject({ team: "pay", status: "planned", stage: "0", earliest: 2, latest: 2, waitsOn: ["Leaf (pay)"] });
    expect(board.waits.map((w) => [w.team, w.waiting.map((s) => s.name)])).toEqual([["pay", ["api", "Web", "db"]]]);
    const filtered = await q.getWaveBoard(p.programme.id, { team: "shop" });
    expect(filtered.columns.flatMap((c) => c.cards.map((card) => card.name))).toEqual(["Web"]);
    expect(filtered.columns[2].total).toBe(1);
    expect((await q.getWaveBoard(p.programme.id, { status: "live" })).columns.flatMap((c) => c.cards)).toEqual([]);
  });
});
