import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme } from "@/lib/seed/factories";
import { auditFiltersSchema, withoutStrayAction } from "@/lib/audit/schemas";

// The audit page's Action filter: a manager asks for every rollback, or every stage move, of a
// programme, and the CSV export takes the same filters.
let t: TestDatabase;
let audit: typeof import("@/lib/audit/queries");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  audit = await import("@/lib/audit/queries");
});

const EVENTS = [
  { entityType: "slice", action: "slice.rolled_back" },
  { entityType: "slice", action: "slice.stage_moved" },
  { entityType: "slice", action: "slice.rolled_back" },
  { entityType: "service", action: "service.updated" },
  { entityType: "checklist_item", action: "checklist_item.ticked" },
];

describe("the audit log filtered by action", () => {
  it("lists only that action's events, on the page and in the export, and offers only the actions recorded", async () => {
    const p = await createProgramme(t.db, { slug: uniqueSlug("audit-action") });
    const other = await createProgramme(t.db, { slug: uniqueSlug("audit-action") });
    await t.db.event.createMany({ data: EVENTS.map((e, i) => ({ programmeId: p.id, actorName: `person ${i}`, entityId: `e${i}`, ...e })) });
    await t.db.event.createMany({ data: [{ programmeId: other.id, actorName: "elsewhere", entityType: "wave", entityId: "w", action: "wave.updated" }] });

    const rollbacks = auditFiltersSchema.parse({ action: "slice.rolled_back" });
    const { rows } = await audit.listAuditEvents(p.id, rollbacks);
    expect(rows.map((r) => r.entityId)).toEqual(["e2", "e0"]);
    expect((await audit.listAllAuditEvents(p.id, rollbacks)).map((r) => r.entityId)).toEqual(["e0", "e2"]);
    // With the entity too, and with an entity that never records it.
    expect((await audit.listAuditEvents(p.id, auditFiltersSchema.parse({ entity: "slice", action: "slice.stage_moved" }))).rows.map((r) => r.entityId)).toEqual(["e1"]);

    const choices = await audit.listAuditChoices(p.id);
    expect(choices.entityTypes).toEqual(["checklist_item", "service", "slice"]);
    expect(choices.actions).toEqual([
      { entityType: "checklist_item", action: "checklist_item.ticked" },
      { entityType: "service", action: "service.updated" },
      { entityType: "slice", action: "slice.rolled_back" },
      { entityType: "slice", action: "slice.stage_moved" },
    ]);
    // Another programme's actions are not offered here.
    expect(choices.actions.map((a) => a.action)).not.toContain("wave.updated");

    // The entity menu changed to one that never records the chosen action: the action is dropped.
    expect(withoutStrayAction(auditFiltersSchema.parse({ entity: "service", action: "slice.rolled_back" }), choices)).toEqual({ entity: "service" });
    expect(withoutStrayAction(auditFiltersSchema.parse({ entity: "slice", action: "slice.rolled_back" }), choices)).toEqual({ entity: "slice", action: "slice.rolled_back" });
    expect(withoutStrayAction(auditFiltersSchema.parse({ action: "wave.updated" }), choices)).toEqual({});
  });
});
