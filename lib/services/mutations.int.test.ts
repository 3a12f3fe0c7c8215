import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedTwoTeamEstate } from "@/lib/services/test-estate";
import { createDependency } from "@/lib/seed/factories";
import type { Actor } from "@/lib/auth/actor";

// Service mutations on a real database: events in the same transaction,
// authorization inside, and the bad inputs the issue names.
let t: TestDatabase;
let m: typeof import("./mutations/create-service") & typeof import("./mutations/update-service") & typeof import("./mutations/delete-service") & typeof import("./mutations/bulk-edit-services");
const admin: Actor = { userId: null, name: "Test admin", isAdmin: true };

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign({}, ...(await Promise.all([import("./mutations/create-service"), import("./mutations/update-service"), import("./mutations/delete-service"), import("./mutations/bulk-edit-services")])));
});

const setup = () => seedTwoTeamEstate(t.db, "svc");

const form = (over: Record<string, unknown> = {}) => ({ name: "new-api", kind: "api", tier: "2", strategy: "rehost", team: "alpha", tags: "x, y", ...over });

describe("the service page's history", () => {
  it("names the teams of an owner change and labels the fields, instead of showing ids and keys", async () => {
    const s = await setup();
    await m.updateService(admin, s.slug, { id: s.a.id, ...form({ name: "a", tier: "1", team: "beta" }) });
    const { getService } = await import("./queries");
    const page = await getService(s.programme.id, s.a.id);
    const [edit] = page!.history;
    expect(edit.action).toBe("service.updated");
    const text = edit.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`);
    expect(text).toContain("Team: alpha → beta");
    expect(text).toContain("Tier: 3 → 1");
    expect(JSON.stringify(edit.changes)).not.toContain(s.teamB.id);
  });
});

describe("createService and updateService", () => {
  it("creates with an event and refuses a duplicate name as a field error", async () => {
    const s = await setup();
    const created = await m.createService(admin, s.slug, form());
    const row = await t.db.service.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "new-api", tier: 2, teamId: s.teamA.id, tags: ["x", "y"] });
    expect((await s.events(created.id)).map((e) => e.action)).toEqual(["service.created"]);
    await expect(m.createService(admin, s.slug, form())).rejects.toMatchObject({ code: "CONFLICT", details: [{ path: "name" }] });
    await expect(m.createService(admin, s.slug, form({ name: "Bad Name" }))).rejects.toThrow();
    await expect(m.createService(s.lead, s.slug, form({ name: "by-lead" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("records only the changed fields, and lets a lead edit only their team's services", async () => {
    const s = await setup();
    await m.updateService(s.lead, s.slug, { id: s.a.id, ...form({ name: "a", tier: "1" }) });
    const [e] = await s.events(s.a.id);
    expect(e.action).toBe("service.updated");
    expect(e.before).toMatchObject({ tier: 3 });
    expect(e.after).toMatchObject({ tier: 1 });
    expect(Object.keys(e.after as object)).not.toContain("kind");
    await expect(m.updateService(s.lead, s.slug, { id: s.c.id, ...form({ name: "c", team: "beta" }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Nor may a lead hand their own service to a team they are not in.
    await expect(m.updateService(s.lead, s.slug, { id: s.a.id, ...form({ name: "a", team: "beta" }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const again = await m.updateService(s.lead, s.slug, { id: s.a.id, ...form({ name: "a", tier: "1" }) });
    expect(again.changed).toBe(false);
    expect(await s.events(s.a.id)).toHaveLength(1);
  });
});

describe("deleteService", () => {
  it("names the dependents and deletes only once confirmed", async () => {
    const s = await setup();
    await createDependency(t.db, { programmeId: s.programme.id, fromId: s.b.id, toId: s.a.id });
    await expect(m.deleteService(admin, s.slug, { id: s.a.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("b") });
    expect(await t.db.service.count({ where: { id: s.a.id } })).toBe(1);
    await m.deleteService(admin, s.slug, { id: s.a.id, confirmDependents: "on" });
    expect(await t.db.service.count({ where: { id: s.a.id } })).toBe(0);
    expect(await t.db.dependency.count({ where: { programmeId: s.programme.id } })).toBe(0);
    expect((await s.events(s.a.id)).map((e) => e.action)).toEqual(["service.deleted"]);
  });
});

describe("bulkEditServices", () => {
  it("changes the selected services in one go with one event per changed service", async () => {
    const s = await setup();
    await t.db.service.update({ where: { id: s.b.id }, data: { strategy: "refactor", tags: ["keep"] } });
    const result = await m.bulkEditServices(admin, s.slug, { ids: [s.a.id, s.b.id, s.c.id], strategy: "refactor", addTags: ["wave-1"], targetNamespace: "shop" });
    expect(result).toEqual({ changed: 3, unchanged: 0 });
    const rows = await t.db.service.findMany({ where: { programmeId: s.programme.id }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.strategy, r.tags, r.targetNamespace])).toEqual([
      ["a", "refactor", ["wave-1"], "shop"],
      ["b", "refactor", ["keep", "wave-1"], "shop"],
      ["c", "refactor", ["wave-1"], "shop"],
    ]);
    const events = await s.events();
    expect(events.filter((e) => e.action === "service.updated")).toHaveLength(3);
    expect(events.find((e) => e.entityId === s.b.id)!.after).toEqual({ tags: ["keep", "wave-1"], targetNamespace: "shop" });
    const second = await m.bulkEditServices(admin, s.slug, { ids: [s.a.id, s.b.id], strategy: "refactor" });
    expect(second).toEqual({ changed: 0, unchanged: 2 });
  });

  it("refuses a lead who selected another team's service, and changes nothing", async () => {
    const s = await setup();
    await expect(m.bulkEditServices(s.lead, s.slug, { ids: [s.a.id, s.c.id], tier: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.service.count({ where: { programmeId: s.programme.id, tier: 1 } })).toBe(0);
    expect(await m.bulkEditServices(s.lead, s.slug, { ids: [s.a.id, s.b.id], tier: 1 })).toEqual({ changed: 2, unchanged: 0 });
  });
});
