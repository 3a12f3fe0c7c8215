import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { seedDemoProgramme } from "@/lib/seed";
import { admin, userWithRole } from "@/lib/waves/test-helpers";

// Facility status, owner and per-wave requirements, and how they reach the plan and the board.
let t: TestDatabase;
let updateFacility: typeof import("./mutations/update-facility").updateFacility;
let setWaveFacilities: typeof import("./mutations/set-wave-facilities").setWaveFacilities;
let waves: typeof import("@/lib/waves/queries");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  ({ updateFacility } = await import("./mutations/update-facility"));
  ({ setWaveFacilities } = await import("./mutations/set-wave-facilities"));
  waves = await import("@/lib/waves/queries");
});

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e) => (isAppError(e) ? e.code : `unexpected: ${e}`));

describe("facilities", () => {
  it("a wave needing an unready facility is a plan violation and a board warning, until it is ready", async () => {
    const slug = uniqueSlug("fac");
    const { programmeId } = await seedDemoProgramme(t.db, { slug });
    const facilityMessages = async () => (await waves.getProposedPlan(admin, slug, {})).violations.filter((v) => v.kind === "facility").map((v) => v.message);
    await setWaveFacilities(admin, slug, { wave: 1, facilityKeys: ["service-mesh", "ingress"] });
    expect(await facilityMessages()).toContain("wave 1 needs Service mesh, which is not ready");
    const board = await waves.getWaveBoard(programmeId, {});
    expect(board.columns[0].unready).toEqual(["Service mesh"]);
    expect(board.columns[0].facilities.map((f) => f.key).sort()).toEqual(["ingress", "service-mesh"]);

    const team = await t.db.team.findFirstOrThrow({ where: { programmeId } });
    await updateFacility(admin, slug, { key: "service-mesh", status: "ready", ownerTeamId: team.id, notes: "Istio in every cluster" });
    expect((await facilityMessages()).some((message) => message.startsWith("wave 1 "))).toBe(false);
    const mesh = await t.db.facility.findFirstOrThrow({ where: { programmeId, key: "service-mesh" } });
    expect([mesh.status, mesh.ownerTeamId, mesh.notes]).toEqual(["ready", team.id, "Istio in every cluster"]);
    const events = await t.db.event.findMany({ where: { programmeId, action: { in: ["facility.status_changed", "wave.facilities_changed"] } }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["facility.status_changed", "wave.facilities_changed"]);
  });

  it("refuses unknown facilities, waves and teams, and anyone but a manager, writing nothing", async () => {
    const slug = uniqueSlug("fac");
    const { programmeId } = await seedDemoProgramme(t.db, { slug });
    const lead = await userWithRole(t.db, programmeId, "lead");
    const before = await t.db.event.count({ where: { programmeId } });
    expect(await codeOf(setWaveFacilities(admin, slug, { wave: 1, facilityKeys: ["teleporter"] }))).toBe("INVALID");
    expect(await codeOf(setWaveFacilities(admin, slug, { wave: 99, facilityKeys: [] }))).toBe("INVALID");
    expect(await codeOf(updateFacility(admin, slug, { key: "teleporter", status: "ready" }))).toBe("NOT_FOUND");
    expect(await codeOf(updateFacility(admin, slug, { key: "ingress", status: "ready", ownerTeamId: "another-programmes-team" }))).toBe("INVALID");
    expect(await codeOf(updateFacility(lead.actor, slug, { key: "ingress", status: "not_started" }))).toBe("FORBIDDEN");
    expect(await codeOf(setWaveFacilities(lead.actor, slug, { wave: 1, facilityKeys: [] }))).toBe("FORBIDDEN");
    expect(await t.db.event.count({ where: { programmeId } })).toBe(before);
  });
});
