import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme, createService, createTeam, createDependency } from "@/lib/seed/factories";
import { DEFAULT_TEMPLATE, itemsForSlice } from "@/lib/checklists/default-template";
import type { Actor } from "@/lib/auth/actor";

// Regression: slices created by applying a plan had no checklist, so nothing gated their stages.
let t: TestDatabase;
const admin: Actor = { userId: null, name: "admin", isAdmin: true };

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
});

describe("applying a plan", () => {
  it("gives every new slice the definition of done that fits it", async () => {
    const { applyPlan } = await import("./mutations/apply-plan");
    const p = await createProgramme(t.db);
    const team = await createTeam(t.db, { programmeId: p.id, name: "core" });
    const api = await createService(t.db, { programmeId: p.id, teamId: team.id, name: "orders-api", kind: "api" });
    const store = await createService(t.db, { programmeId: p.id, teamId: team.id, name: "orders-db", kind: "datastore", stateful: true });
    await createDependency(t.db, { programmeId: p.id, fromId: api.id, toId: store.id, kind: "data" });

    await applyPlan(admin, p.slug, {});

    const slices = await t.db.slice.findMany({ where: { programmeId: p.id }, select: { name: true, services: { select: { name: true } }, checklistItems: { select: { key: true, gateStage: true } } } });
    expect(slices).toHaveLength(2);
    const itemsOf = (service: string) => slices.find((s) => s.services.some((x) => x.name === service))!.checklistItems.map((i) => i.key).sort();
    expect(itemsOf("orders-api")).toEqual(itemsForSlice(DEFAULT_TEMPLATE, { stateful: false, hasDatastore: false }).map((i) => i.key).sort());
    expect(itemsOf("orders-db")).toEqual(itemsForSlice(DEFAULT_TEMPLATE, { stateful: true, hasDatastore: true }).map((i) => i.key).sort());
    expect(slices.every((s) => s.checklistItems.some((i) => i.gateStage !== null))).toBe(true);
  });
});
