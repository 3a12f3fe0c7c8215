import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { admin, smallProgramme, userWithRole } from "./test-helpers";

// Issue 14, point 7: waves a plan creates get dates from the programme's cadence, or none (the
// board then says "not scheduled"); a slice placed against the order is listed with who waits.
let t: TestDatabase;
let cadence: typeof import("./mutations/set-wave-cadence");
let plan: typeof import("./mutations/apply-plan");
let queries: typeof import("./queries");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  cadence = await import("./mutations/set-wave-cadence");
  plan = await import("./mutations/apply-plan");
  queries = await import("./queries");
});

const waves = (programmeId: string) => t.db.wave.findMany({ where: { programmeId }, orderBy: { number: "asc" }, select: { number: true, plannedStart: true, plannedEnd: true } });
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("the wave cadence", () => {
  it("dates the waves a plan creates; waves that already have dates keep them", async () => {
    const p = await smallProgramme(t.db);
    await t.db.wave.update({ where: { id: p.wave1.id }, data: { plannedStart: new Date("2026-02-02T00:00:00Z"), plannedEnd: new Date("2026-02-13T00:00:00Z") } });
    await cadence.setWaveCadence(admin, p.programme.slug, { waveLengthWeeks: 2, wavesStartOn: "2026-03-02" });
    await plan.applyPlan(admin, p.programme.slug, {});
    const rows = await waves(p.programme.id);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((w) => [w.number, day(w.plannedStart), day(w.plannedEnd)])).toEqual(
      rows.map((w) => (w.number === 1 ? [1, "2026-02-02", "2026-02-13"] : [w.number, new Date(Date.UTC(2026, 2, 2 + (w.number - 1) * 14)).toISOString().slice(0, 10), new Date(Date.UTC(2026, 2, 2 + w.number * 14 - 1)).toISOString().slice(0, 10)])),
    );
    const created = await t.db.event.findMany({ where: { programmeId: p.programme.id, action: "wave.created" }, select: { after: true } });
    expect(created.map((e) => e.after)).toContainEqual({ number: 2, by: "plan", plannedStart: "2026-03-16", plannedEnd: "2026-03-29" });
  });

  it("leaves the waves a plan creates undated without a cadence, and dates them later when asked", async () => {
    const p = await smallProgramme(t.db);
    await plan.applyPlan(admin, p.programme.slug, {});
    expect((await waves(p.programme.id)).every((w) => w.plannedStart === null && w.plannedEnd === null)).toBe(true);
    expect((await queries.getWaveCadence(p.programme.id)).undated).toBeGreaterThan(1);
    const { dated } = await cadence.setWaveCadence(admin, p.programme.slug, { waveLengthWeeks: 1, wavesStartOn: "2026-06-01", dateUndated: true });
    const rows = await waves(p.programme.id);
    expect(dated).toBe(rows.length);
    expect(rows.map((w) => day(w.plannedStart))[0]).toBe("2026-06-01");
    expect(await t.db.event.count({ where: { programmeId: p.programme.id, action: "wave.updated" } })).toBe(rows.length);
    expect(await t.db.event.count({ where: { programmeId: p.programme.id, action: "programme.cadence_changed" } })).toBe(1);
    // Setting the same cadence again records nothing new.
    await cadence.setWaveCadence(admin, p.programme.slug, { waveLengthWeeks: 1, wavesStartOn: "2026-06-01" });
    expect(await t.db.event.count({ where: { programmeId: p.programme.id, action: "programme.cadence_changed" } })).toBe(1);
  });

  it("is a manager's: a lead is refused and nothing changes", async () => {
    const p = await smallProgramme(t.db);
    const { actor } = await userWithRole(t.db, p.programme.id, "lead", [p.teams.shop.id]);
    const error = await cadence.setWaveCadence(actor, p.programme.slug, { waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("FORBIDDEN");
    expect((await queries.getWaveCadence(p.programme.id)).waveLengthWeeks).toBeNull();
  });
});

describe("who waits on whom", () => {
  it("lists a slice placed against the order beside the blocked ones", async () => {
    // Web (wave 1) depends on api, which is in no slice, and api on Leaf (wave 1): put api in a
    // slice in wave 2, and Web, pinned in wave 1, breaks the order.
    const p = await smallProgramme(t.db);
    const wave2 = await t.db.wave.create({ data: { programmeId: p.programme.id, number: 2 } });
    await t.db.slice.create({ data: { programmeId: p.programme.id, teamId: p.teams.pay.id, name: "Api", waveId: wave2.id, services: { connect: [{ id: p.services.api }] } } });
    await t.db.slice.update({ where: { id: p.slices.web.id }, data: { pinnedWave: 1, pinReason: "launch date" } });
    const { againstOrder } = await queries.getWaits(p.programme.id);
    expect(againstOrder.find((s) => s.name === "Web")).toEqual(expect.objectContaining({ wave: 1, pinnedWave: 1, pinReason: "launch date", breaks: ["web depends on api in Api (wave 2)"] }));
  });
});
