import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createDefaultTemplate } from "@/lib/seed/factories";
import { seedSliceProgramme, type SliceProgramme } from "@/lib/slices/test-fixtures";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";

// Regression: applying or syncing a template changed a slice's checklist but not its status.
// A done slice (100%, every retirement item ticked) that was given a new, open retirement item
// stayed "done" until someone ticked something, so lists, reports and the stage machine (which
// refuses to roll back a done slice) believed an old path was retired when it was not.
// Status must follow DOMAIN.md's rule in the same transaction as the checklist change.
let t: TestDatabase;
let p: SliceProgramme;
let m: typeof import("./mutations/tick-checklist-item") & typeof import("./mutations/save-template-item") & typeof import("./mutations/sync-template-to-slices") & typeof import("./mutations/apply-template-to-slice") & typeof import("./mutations/delete-template-item");
let templateId: string;
const manager: Actor = { userId: null, name: "Manager", isAdmin: true };

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign({}, ...(await Promise.all([import("./mutations/tick-checklist-item"), import("./mutations/save-template-item"), import("./mutations/sync-template-to-slices"), import("./mutations/apply-template-to-slice"), import("./mutations/delete-template-item")])));
  p = await seedSliceProgramme(t.db);
  templateId = (await createDefaultTemplate(t.db, p.programmeId)).id;
});

/** A slice at 100% whose retirement items are ticked through the real tick path: done. */
async function doneSlice() {
  const slice = await p.newSlice();
  await t.db.slice.update({ where: { id: slice.id }, data: { stage: "pct100", status: "live" } });
  for (const item of slice.items.filter((i) => i.category === "retired")) {
    await m.tickChecklistItem(manager, p.slug, { sliceId: slice.id, itemId: item.id, state: "done" });
  }
  const row = await t.db.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { status: true, version: true, actualEnd: true } });
  expect(row.status).toBe("done");
  expect(row.actualEnd).not.toBeNull();
  return { ...slice, version: row.version };
}

const statusEvents = (sliceId: string) =>
  t.db.event.findMany({ where: { entityType: "slice", entityId: sliceId, action: "slice.status_changed" }, orderBy: { id: "asc" }, select: { before: true, after: true } });

describe("checklist changes from templates recompute the slice's status", () => {
  it("a synced new retirement item takes a done slice back to live, with an event", async () => {
    const slice = await doneSlice();
    const eventsBefore = (await statusEvents(slice.id)).length;
    await m.saveTemplateItem(manager, p.slug, { templateId, title: "Old load balancer pool deleted", category: "retired", appliesTo: "all", gateStage: null });

    const result = await m.syncTemplateToSlices(manager, p.slug, { templateId });
    expect(result.added).toBeGreaterThanOrEqual(1);

    const after = await t.db.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { status: true, stage: true, version: true, actualEnd: true } });
    expect(after).toMatchObject({ status: "live", stage: "pct100", actualEnd: null });
    expect(after.version).toBe(slice.version + 1);
    const events = await statusEvents(slice.id);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({ before: { stage: "100", status: "done" }, after: { stage: "100", status: "live" } });

    // Ticking the new item makes it done again (the tick path was right all along).
    const added = await t.db.checklistItem.findFirstOrThrow({ where: { sliceId: slice.id, title: "Old load balancer pool deleted" }, select: { id: true, state: true } });
    expect(added.state).toBe("open");
    await m.tickChecklistItem(manager, p.slug, { sliceId: slice.id, itemId: added.id, state: "done" });
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: slice.id } })).status).toBe("done");
  });

  it("applying the template to one slice recomputes it too, and an unchanged status writes no event", async () => {
    const done = await doneSlice();
    // A slice below 100% is not touched: its status follows the stage, not the checklist.
    const shifting = await p.newSlice();
    await t.db.slice.update({ where: { id: shifting.id }, data: { stage: "pct10", status: "shifting" } });
    await m.saveTemplateItem(manager, p.slug, { templateId, title: "Legacy cron jobs disabled", category: "retired", appliesTo: "all", gateStage: null });

    await m.applyTemplateToSlice(manager, p.slug, { templateId, sliceId: done.id });
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("live");
    expect((await statusEvents(done.id)).at(-1)).toMatchObject({ before: { status: "done" }, after: { status: "live" } });

    const before = await t.db.slice.findUniqueOrThrow({ where: { id: shifting.id }, select: { version: true } });
    await m.applyTemplateToSlice(manager, p.slug, { templateId, sliceId: shifting.id });
    const after = await t.db.slice.findUniqueOrThrow({ where: { id: shifting.id }, select: { status: true, version: true } });
    expect(after).toEqual({ status: "shifting", version: before.version });
    expect(await statusEvents(shifting.id)).toHaveLength(0);
  });

  it("dropping a slice's last open retirement item from the template makes a live slice done", async () => {
    const slice = await p.newSlice();
    await t.db.slice.update({ where: { id: slice.id }, data: { stage: "pct100", status: "live" } });
    const template = await t.db.checklistTemplate.findUniqueOrThrow({ where: { id: templateId }, select: { items: { select: { id: true, key: true, category: true } } } });
    const retired = template.items.filter((i) => i.category === "retired");
    // Tick every retirement item the slice has but one, then take that one out of the template.
    const [keepOpen, ...rest] = slice.items.filter((i) => i.category === "retired");
    for (const item of rest) await m.tickChecklistItem(manager, p.slug, { sliceId: slice.id, itemId: item.id, state: "done" });
    // Items added to the template by the earlier tests are not on this slice yet: sync adds them open.
    for (const item of retired.filter((i) => !slice.items.some((s) => s.key === i.key) || i.key === keepOpen.key)) {
      await m.deleteTemplateItem(manager, p.slug, { templateId, itemId: item.id });
    }
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: slice.id } })).status).toBe("live");

    await m.syncTemplateToSlices(manager, p.slug, { templateId });
    const after = await t.db.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { status: true, actualEnd: true } });
    expect(after.status).toBe("done");
    expect(after.actualEnd).not.toBeNull();
    expect((await statusEvents(slice.id)).at(-1)).toMatchObject({ before: { status: "live" }, after: { status: "done" } });
  });
});
