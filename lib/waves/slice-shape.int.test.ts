import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { admin, smallProgramme, userWithRole } from "./test-helpers";

// Merge and split on a real database: manager only, one transaction, nothing lost.
let t: TestDatabase;
let m: typeof import("./mutations/apply-plan") & typeof import("./mutations/merge-slices") & typeof import("./mutations/split-slice");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign({}, ...(await Promise.all([import("./mutations/apply-plan"), import("./mutations/merge-slices"), import("./mutations/split-slice")])));
});

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e) => (isAppError(e) ? e.code : `unexpected: ${e}`));

async function planned() {
  const p = await smallProgramme(t.db);
  await m.applyPlan(admin, p.programme.slug, {});
  const slice = (name: string) => t.db.slice.findFirst({ where: { programmeId: p.programme.id, name }, include: { services: { select: { name: true }, orderBy: { name: "asc" } }, wave: true } });
  return { ...p, slice };
}

describe("mergeSlices", () => {
  it("moves every service into the first slice, at the latest wave, and deletes the others", async () => {
    const p = await planned();
    const leaf = (await p.slice("Leaf"))!;
    const api = (await p.slice("api"))!;
    const result = await m.mergeSlices(admin, p.programme.slug, { sliceIds: [leaf.id, api.id], name: "Payments core" });
    expect(result).toEqual({ sliceId: leaf.id, name: "Payments core" });
    const merged = (await p.slice("Payments core"))!;
    expect([merged.services.map((s) => s.name), merged.wave?.number]).toEqual([["api", "leaf"], 2]);
    expect(await p.slice("api")).toBeNull();
    const actions = await t.db.event.findMany({ where: { entityId: { in: [leaf.id, api.id] }, action: { in: ["slice.merged", "slice.deleted"] } }, select: { action: true, entityId: true } });
    expect(actions).toEqual(expect.arrayContaining([{ action: "slice.merged", entityId: leaf.id }, { action: "slice.deleted", entityId: api.id }]));
  });

  it("refuses a non-manager, a slice with progress, an unknown slice and a taken name, writing nothing", async () => {
    const p = await planned();
    const lead = await userWithRole(t.db, p.programme.id, "lead", [p.teams.pay.id]);
    const leaf = (await p.slice("Leaf"))!;
    const api = (await p.slice("api"))!;
    const events = await t.db.event.count({ where: { programmeId: p.programme.id } });
    expect(await codeOf(m.mergeSlices(lead.actor, p.programme.slug, { sliceIds: [leaf.id, api.id] }))).toBe("FORBIDDEN");
    expect(await codeOf(m.mergeSlices(admin, p.programme.slug, { sliceIds: [leaf.id, "nope"] }))).toBe("INVALID");
    expect(await codeOf(m.mergeSlices(admin, p.programme.slug, { sliceIds: [leaf.id, leaf.id] }))).toBe("INVALID");
    expect(await codeOf(m.mergeSlices(admin, p.programme.slug, { sliceIds: [leaf.id, api.id], name: "Web" }))).toBe("CONFLICT");
    await t.db.slice.update({ where: { id: api.id }, data: { status: "preparing" } });
    expect(await codeOf(m.mergeSlices(admin, p.programme.slug, { sliceIds: [leaf.id, api.id] }))).toBe("CONFLICT");
    expect(await t.db.event.count({ where: { programmeId: p.programme.id } })).toBe(events);
    expect(await t.db.slice.count({ where: { programmeId: p.programme.id } })).toBe(4);
  });
});

describe("splitSlice", () => {
  it("splits services into a new slice of the same team and wave, with open checklist items", async () => {
    const p = await planned();
    const leaf = (await p.slice("Leaf"))!;
    const api = (await p.slice("api"))!;
    await m.mergeSlices(admin, p.programme.slug, { sliceIds: [leaf.id, api.id] });
    await t.db.checklistItem.create({ data: { programmeId: p.programme.id, sliceId: leaf.id, key: "probes", title: "Probes", category: "migrated" } });
    const apiService = p.services.api;
    const result = await m.splitSlice(admin, p.programme.slug, { sliceId: leaf.id, serviceIds: [apiService], name: "API again" });
    const split = (await p.slice("API again"))!;
    expect([split.id, split.teamId, split.waveId, split.services.map((s) => s.name)]).toEqual([result.sliceId, leaf.teamId, (await p.slice("Leaf"))!.waveId, ["api"]]);
    expect((await p.slice("Leaf"))!.services.map((s) => s.name)).toEqual(["leaf"]);
    expect(await t.db.checklistItem.findMany({ where: { sliceId: split.id }, select: { key: true, state: true } })).toEqual([{ key: "probes", state: "open" }]);
  });

  it("refuses to empty the slice, foreign services and non-managers", async () => {
    const p = await planned();
    const leaf = (await p.slice("Leaf"))!;
    const viewer = await userWithRole(t.db, p.programme.id, "viewer");
    expect(await codeOf(m.splitSlice(admin, p.programme.slug, { sliceId: leaf.id, serviceIds: [p.services.leaf], name: "All of it" }))).toBe("INVALID");
    expect(await codeOf(m.splitSlice(admin, p.programme.slug, { sliceId: leaf.id, serviceIds: [p.services.web], name: "Not mine" }))).toBe("INVALID");
    expect(await codeOf(m.splitSlice(viewer.actor, p.programme.slug, { sliceId: leaf.id, serviceIds: [p.services.leaf], name: "x" }))).toBe("FORBIDDEN");
    expect(await t.db.slice.count({ where: { programmeId: p.programme.id } })).toBe(4);
  });
});
