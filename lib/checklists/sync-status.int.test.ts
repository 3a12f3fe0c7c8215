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
// Issue 14 (point 8) then made such an addition explicit: a new item a done or live slice has
// already passed the gate of is never added silently; the manager adds it as a follow-up (which
// reopens nothing) or skips those slices. An item the slice must still meet keeps the rule above.
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
  it("a synced new retirement item is not added to a done slice silently: asked, then a follow-up that leaves it done", async () => {
    const slice = await doneSlice();
    const eventsBefore = (await statusEvents(slice.id)).length;
    await m.saveTemplateItem(manager, p.slug, { templateId, title: "Old load balancer pool deleted", category: "retired", appliesTo: "all", gateStage: null });

    await expect(m.syncTemplateToSlices(manager, p.slug, { templateId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already passed the gate of items this sync would add/) });
    expect(await t.db.checklistItem.count({ where: { sliceId: slice.id, title: "Old load balancer pool deleted" } })).toBe(0);

    const skipped = await m.syncTemplateToSlices(manager, p.slug, { templateId, late: "skip" });
    expect(skipped.skipped).toBeGreaterThanOrEqual(1);
    expect(await t.db.checklistItem.count({ where: { sliceId: slice.id, title: "Old load balancer pool deleted" } })).toBe(0);

    const result = await m.syncTemplateToSlices(manager, p.slug, { templateId, late: "follow_up" });
    expect(result.followUps).toBeGreaterThanOrEqual(1);
    const added = await t.db.checklistItem.findFirstOrThrow({ where: { sliceId: slice.id, title: "Old load balancer pool deleted" }, select: { id: true, state: true, followUp: true } });
    expect(added).toMatchObject({ state: "open", followUp: true });
    const after = await t.db.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { status: true, stage: true, actualEnd: true } });
    expect(after).toMatchObject({ status: "done", stage: "pct100" });
    expect(after.actualEnd).not.toBeNull();
    expect(await statusEvents(slice.id)).toHaveLength(eventsBefore);
  });

  it("applying the template to one slice follows the same rule, and an unchanged status writes no event", async () => {
    const done = await doneSlice();
    // A slice below 100% is not touched: its status follows the stage, not the checklist.
    const shifting = await p.newSlice();
    await t.db.slice.update({ where: { id: shifting.id }, data: { stage: "pct10", status: "shifting" } });
    await m.saveTemplateItem(manager, p.slug, { templateId, title: "Legacy cron jobs disabled", category: "retired", appliesTo: "all", gateStage: null });

    // A done slice: the new retirement item comes as a follow-up, and the slice stays done.
    const doneEvents = (await statusEvents(done.id)).length;
    await m.applyTemplateToSlice(manager, p.slug, { templateId, sliceId: done.id });
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("done");
    expect(await t.db.checklistItem.findFirst({ where: { sliceId: done.id, title: "Legacy cron jobs disabled" }, select: { followUp: true } })).toEqual({ followUp: true });
    expect(await statusEvents(done.id)).toHaveLength(doneEvents);

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
