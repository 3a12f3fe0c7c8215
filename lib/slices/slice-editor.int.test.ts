import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { createProgramme, createService, createSlice, createTeam, createUser, createWave } from "@/lib/seed/factories";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";

// The slice editor's rules beyond who may (the authorization matrix): a service is in one
// slice at most, only slices that have not started change their services, one service always
// stays, stale pages are refused, a rehearsal rehearses a written plan, and every change is one
// event in the same transaction.
let t: TestDatabase;
let m: typeof import("./mutations/create-slice") &
  typeof import("./mutations/rename-slice") &
  typeof import("./mutations/change-slice-services") &
  typeof import("./mutations/update-rollback-plan") &
  typeof import("./mutations/record-rehearsal") &
  typeof import("./mutations/lift-slice-pin");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign(
    {},
    await import("./mutations/create-slice"),
    await import("./mutations/rename-slice"),
    await import("./mutations/change-slice-services"),
    await import("./mutations/update-rollback-plan"),
    await import("./mutations/record-rehearsal"),
    await import("./mutations/lift-slice-pin"),
  );
});

async function world() {
  const programme = await createProgramme(t.db, { slug: uniqueSlug("editor") });
  const team = await createTeam(t.db, { programmeId: programme.id, name: "payments" });
  const manager = await createUser(t.db, { name: "Manager", membership: { programmeId: programme.id, role: "manager" } });
  const actor: Actor = { userId: manager.id, name: manager.name, isAdmin: false };
  const wave = await createWave(t.db, { programmeId: programme.id, number: 1 });
  const svc = async (name: string, extra = {}) => createService(t.db, { programmeId: programme.id, teamId: team.id, name, ...extra });
  const [api, worker, db, free] = [await svc("api"), await svc("worker", { kind: "worker" }), await svc("db", { kind: "datastore", stateful: true }), await svc("free")];
  const slice = await createSlice(t.db, { programmeId: programme.id, teamId: team.id, waveId: wave.id, name: "checkout", serviceIds: [api.id, worker.id] });
  return { programme, slug: programme.slug, team, actor, wave, api, worker, db, free, slice };
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
}
const events = (entityId: string) => t.db.event.findMany({ where: { entityType: "slice", entityId }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });

describe("creating a slice", () => {
  it("takes services in no slice, gets its definition of done and records who made it", async () => {
    const w = await world();
    const made = await m.createSlice(w.actor, w.slug, { name: "data", teamId: w.team.id, serviceIds: [w.db.id, w.free.id], wave: 1 });
    const slice = await t.db.slice.findUniqueOrThrow({ where: { id: made.id }, select: { waveId: true, teamId: true, services: { select: { name: true } }, _count: { select: { checklistItems: true } } } });
    expect(slice).toMatchObject({ waveId: w.wave.id, teamId: w.team.id });
    expect(slice.services.map((s) => s.name).sort()).toEqual(["db", "free"]);
    // The stateful service brings the stateful items.
    expect(slice._count.checklistItems).toBeGreaterThan(10);
    expect(await t.db.checklistItem.count({ where: { sliceId: made.id, key: { contains: "backup" } } })).toBeGreaterThan(0);
    expect(await events(made.id)).toEqual([{ action: "slice.created", before: null, after: { name: "data", team: "payments", wave: 1, services: ["db", "free"], by: "form" } }]);
  });

  it("refuses a service already in a slice, another programme's team, an unknown wave and a taken name, writing nothing", async () => {
    const w = await world();
    const other = await world();
    const before = { slices: await t.db.slice.count(), events: await t.db.event.count() };
    expect(await outcome(() => m.createSlice(w.actor, w.slug, { name: "x", teamId: w.team.id, serviceIds: [w.api.id, w.free.id] }))).toBe("CONFLICT: A service is in one slice at most: api is already in one.");
    expect(await outcome(() => m.createSlice(w.actor, w.slug, { name: "x", teamId: other.team.id, serviceIds: [w.free.id] }))).toMatch(/^INVALID: Choose a team of this programme/);
    expect(await outcome(() => m.createSlice(w.actor, w.slug, { name: "x", teamId: w.team.id, serviceIds: [other.free.id] }))).toMatch(/^INVALID: Some of those services are not in this programme/);
    expect(await outcome(() => m.createSlice(w.actor, w.slug, { name: "x", teamId: w.team.id, serviceIds: [w.free.id], wave: 9 }))).toBe("INVALID: There is no wave 9.");
    expect(await outcome(() => m.createSlice(w.actor, w.slug, { name: "checkout", teamId: w.team.id, serviceIds: [w.free.id] }))).toBe('CONFLICT: Another slice is already called "checkout".');
    expect({ slices: await t.db.slice.count(), events: await t.db.event.count() }).toEqual(before);
  });
});

describe("changing a slice", () => {
  it("adds and removes services, the removed one in no slice afterwards, and refuses a stale page", async () => {
    const w = await world();
    const done = await m.changeSliceServices(w.actor, w.slug, { sliceId: w.slice.id, addServiceIds: [w.free.id], removeServiceIds: [w.worker.id], expectedVersion: 0 });
    expect(done).toEqual({ services: ["api", "free"], version: 1 });
    expect((await t.db.service.findUniqueOrThrow({ where: { id: w.worker.id } })).sliceId).toBeNull();
    expect((await events(w.slice.id)).at(-1)).toEqual({ action: "slice.services_changed", before: { services: ["api", "worker"] }, after: { services: ["api", "free"], added: ["free"], removed: ["worker"] } });
    expect(await outcome(() => m.renameSlice(w.actor, w.slug, { sliceId: w.slice.id, name: "late", expectedVersion: 0 }))).toMatch(/^CONFLICT: This slice changed since the page was loaded/);
  });

  it("keeps one service, takes only its own out, and leaves a started slice as it is", async () => {
    const w = await world();
    expect(await outcome(() => m.changeSliceServices(w.actor, w.slug, { sliceId: w.slice.id, addServiceIds: [], removeServiceIds: [w.api.id, w.worker.id] }))).toBe("INVALID: Leave at least one service in the slice.");
    expect(await outcome(() => m.changeSliceServices(w.actor, w.slug, { sliceId: w.slice.id, addServiceIds: [], removeServiceIds: [w.free.id] }))).toBe("INVALID: Only services of checkout can be taken out of it.");
    await t.db.slice.update({ where: { id: w.slice.id }, data: { stage: "pct1", status: "shifting" } });
    expect(await outcome(() => m.changeSliceServices(w.actor, w.slug, { sliceId: w.slice.id, addServiceIds: [w.free.id], removeServiceIds: [] }))).toMatch(/^CONFLICT: Only slices that have not started/);
    expect(await t.db.service.count({ where: { sliceId: w.slice.id } })).toBe(2);
  });

  it("renames, writes a rollback plan and records rehearsals without moving 'last rehearsed' back", async () => {
    const w = await world();
    await m.renameSlice(w.actor, w.slug, { sliceId: w.slice.id, name: "checkout-core" });
    expect(await outcome(() => m.recordRehearsal(w.actor, w.slug, { sliceId: w.slice.id }))).toBe("CONFLICT: Write the rollback plan first: a rehearsal rehearses a plan.");
    await m.updateRollbackPlan(w.actor, w.slug, { sliceId: w.slice.id, rollbackPlan: "Set the weight to 0 and drain." });
    await m.recordRehearsal(w.actor, w.slug, { sliceId: w.slice.id, rehearsedOn: "2026-11-20", notes: "4 minutes" });
    await m.recordRehearsal(w.actor, w.slug, { sliceId: w.slice.id, rehearsedOn: "2026-11-10" });
    expect(await outcome(() => m.recordRehearsal(w.actor, w.slug, { sliceId: w.slice.id, rehearsedOn: "2999-01-01" }))).toBe("INVALID: A rehearsal cannot be in the future.");
    const row = await t.db.slice.findUniqueOrThrow({ where: { id: w.slice.id } });
    expect(row).toMatchObject({ name: "checkout-core", rollbackPlan: "Set the weight to 0 and drain.", rollbackRehearsedAt: new Date("2026-11-20T00:00:00Z"), version: 4 });
    expect((await events(w.slice.id)).map((e) => e.action)).toEqual(["slice.renamed", "slice.rollback_plan_changed", "slice.rollback_rehearsed", "slice.rollback_rehearsed"]);
    // Saving the same plan again changes nothing and records nothing.
    await m.updateRollbackPlan(w.actor, w.slug, { sliceId: w.slice.id, rollbackPlan: "Set the weight to 0 and drain." });
    expect(await events(w.slice.id)).toHaveLength(4);
  });

  it("lifts a pin, and says so when there is none", async () => {
    const w = await world();
    await t.db.slice.update({ where: { id: w.slice.id }, data: { pinnedWave: 1, pinReason: "contract" } });
    await m.liftSlicePin(w.actor, w.slug, { sliceId: w.slice.id });
    expect(await t.db.slice.findUniqueOrThrow({ where: { id: w.slice.id }, select: { pinnedWave: true, pinReason: true, waveId: true } })).toEqual({ pinnedWave: null, pinReason: null, waveId: w.wave.id });
    expect((await events(w.slice.id)).at(-1)).toEqual({ action: "slice.pin_lifted", before: { pinnedWave: 1, pinReason: "contract" }, after: { wave: 1 } });
    expect(await outcome(() => m.liftSlicePin(w.actor, w.slug, { sliceId: w.slice.id }))).toBe("CONFLICT: This slice is not pinned.");
  });

  it("says NOT_FOUND for another programme's slice, whoever asks", async () => {
    const w = await world();
    const other = await world();
    expect(await outcome(() => m.renameSlice(w.actor, w.slug, { sliceId: other.slice.id, name: "mine now" }))).toBe("NOT_FOUND: Slice was not found.");
    expect(await outcome(() => m.liftSlicePin(w.actor, w.slug, { sliceId: other.slice.id }))).toBe("NOT_FOUND: Slice was not found.");
  });
});
