import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import type { Actor } from "@/lib/auth/actor";
import { createService, createSlice } from "@/lib/seed/factories";
import { seedSliceProgramme, type SliceProgramme } from "@/lib/slices/test-fixtures";

// Template edits reach slices only through apply/sync, and never lose a tick.
let t: TestDatabase;
let p: SliceProgramme;
let m: typeof import("./mutations/create-template") & typeof import("./mutations/apply-template-to-slice") & typeof import("./mutations/tick-checklist-item") & typeof import("./mutations/save-template-item") & typeof import("./mutations/delete-template-item") & typeof import("./mutations/sync-template-to-slices");
const admin: Actor = { userId: null, name: "Admin", isAdmin: true };

beforeAll(async () => {
  t = await openTestDatabase();
  process.env.DATABASE_URL = t.url;
  m = Object.assign({}, ...(await Promise.all([import("./mutations/create-template"), import("./mutations/apply-template-to-slice"), import("./mutations/tick-checklist-item"), import("./mutations/save-template-item"), import("./mutations/delete-template-item"), import("./mutations/sync-template-to-slices")])));
  p = await seedSliceProgramme(t.db);
});
afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t?.close();
});

describe("checklist templates", () => {
  it("creates the default template, applies it to a bare slice, and syncs an edit without losing ticks", async () => {
    const { id: templateId } = await m.createTemplate(admin, p.slug, {});
    await expect(m.createTemplate(admin, p.slug, {})).rejects.toMatchObject({ code: "CONFLICT" });

    const service = await createService(t.db, { programmeId: p.programmeId, teamId: p.teamId });
    const bare = await createSlice(t.db, { programmeId: p.programmeId, teamId: p.teamId, serviceIds: [service.id] });
    const applied = await m.applyTemplateToSlice(admin, p.slug, { templateId, sliceId: bare.id });
    expect(applied.added).toBeGreaterThan(15);
    const items = await t.db.checklistItem.findMany({ where: { sliceId: bare.id } });
    expect(items.every((i) => i.state === "open")).toBe(true);

    const probes = items.find((i) => i.key === "health-probes")!;
    const logs = items.find((i) => i.key === "json-logs")!;
    await m.tickChecklistItem(admin, p.slug, { sliceId: bare.id, itemId: probes.id, state: "done", evidenceUrl: "https://x.example/1" });
    const tmplItems = await t.db.checklistTemplateItem.findMany({ where: { templateId } });
    const tProbes = tmplItems.find((i) => i.key === "health-probes")!;
    await m.saveTemplateItem(admin, p.slug, { templateId, itemId: tProbes.id, title: "Probes (all three)", category: "migrated", appliesTo: "all", gateStage: "1" });
    await m.saveTemplateItem(admin, p.slug, { templateId, title: "SLOs agreed", category: "observable", appliesTo: "all", gateStage: "10" });
    await m.deleteTemplateItem(admin, p.slug, { templateId, itemId: tmplItems.find((i) => i.key === "json-logs")!.id });
    // Deleting a template item that was ticked must keep the tick on the slice.
    await m.deleteTemplateItem(admin, p.slug, { templateId, itemId: tProbes.id }).then(() =>
      m.saveTemplateItem(admin, p.slug, { templateId, title: "Probes (all three)", category: "migrated", appliesTo: "all", gateStage: "1" }),
    );

    const result = await m.syncTemplateToSlices(admin, p.slug, { templateId });
    expect(result.added).toBeGreaterThanOrEqual(2);
    const after = await t.db.checklistItem.findMany({ where: { sliceId: bare.id } });
    const keptProbes = after.find((i) => i.id === probes.id)!;
    expect(keptProbes).toMatchObject({ state: "done", evidenceUrl: "https://x.example/1" });
    expect(after.find((i) => i.id === logs.id)).toBeUndefined(); // open and dropped: removed
    expect(after.some((i) => i.title === "SLOs agreed" && i.gateStage === "pct10")).toBe(true);
    expect(await t.db.event.count({ where: { entityId: templateId, action: "checklist_template.synced" } })).toBe(1);
  });

  it("lets only managers edit templates; a lead may apply one to their own slice only", async () => {
    const template = await t.db.checklistTemplate.findFirstOrThrow({ where: { programmeId: p.programmeId } });
    const lead: Actor = { userId: p.lead.id, name: "Lead", isAdmin: false };
    await expect(m.saveTemplateItem(lead, p.slug, { templateId: template.id, title: "x", category: "migrated", appliesTo: "all", gateStage: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(m.syncTemplateToSlices(lead, p.slug, { templateId: template.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const theirs = await p.newSlice({ team: "other" });
    await expect(m.applyTemplateToSlice(lead, p.slug, { templateId: template.id, sliceId: theirs.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await p.newSlice();
    await expect(m.applyTemplateToSlice(lead, p.slug, { templateId: template.id, sliceId: mine.id })).resolves.toMatchObject({ slices: expect.any(Number) });
    await expect(m.applyTemplateToSlice(lead, p.slug, { templateId: "nope", sliceId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
