import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors";
import type { PayloadInput } from "@/lib/events/catalogue";
import { recordEvent } from "@/lib/events/record";
import { authorizeOnSlice } from "@/lib/slices/mutations/shared";
import { stageFromDb, stageToDb } from "@/lib/slices/stages";
import { DEFAULT_TEMPLATE } from "./default-template";
import { followChecklistChange, lockSlicesForChecklistChange } from "./slice-status-sync";
import { isEmptySync, keyForTitle } from "./sync";
import { loadTemplate, planSlices, writePlan } from "./template-data";
import type { ApplyTemplateInput, CreateTemplateInput, DeleteTemplateItemInput, SaveTemplateItemInput, SyncTemplateInput } from "./schemas";

const LONG_TX = { maxWait: 10_000, timeout: 60_000 } as const;

/** Gives a programme its own editable copy of the default definition of done. */
export async function createTemplate(actor: Actor, programmeSlug: string, _input: CreateTemplateInput): Promise<{ id: string }> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    if (await tx.checklistTemplate.findFirst({ where: { programmeId: programme.id, name: DEFAULT_TEMPLATE.name }, select: { id: true } })) {
      throw new AppError("CONFLICT", "This programme already has the default template.");
    }
    const template = await tx.checklistTemplate.create({
      data: {
        programmeId: programme.id,
        name: DEFAULT_TEMPLATE.name,
        isDefault: true,
        items: { create: DEFAULT_TEMPLATE.items.map((it, position) => ({ ...it, gateStage: it.gateStage === null ? null : stageToDb(it.gateStage), position })) },
      },
      select: { id: true },
    });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "checklist_template", entityId: template.id, action: "checklist_template.created", after: { name: DEFAULT_TEMPLATE.name, items: DEFAULT_TEMPLATE.items.length } });
    return template;
  });
}

/** Adds an item to a template (no itemId) or edits one; slices change only when synced. */
export async function saveTemplateItem(actor: Actor, programmeSlug: string, input: SaveTemplateItemInput): Promise<{ id: string; key: string }> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await loadTemplate(tx, programme.id, input.templateId);
    const fields = { title: input.title, guidance: input.guidance ?? null, category: input.category, appliesTo: input.appliesTo, gateStage: input.gateStage === null ? null : stageToDb(input.gateStage) };
    let row: { id: string; key: string };
    let before: PayloadInput<"checklist_template.item_edited">["before"] | null = null;
    if (input.itemId) {
      const existing = await tx.checklistTemplateItem.findFirst({ where: { id: input.itemId, templateId: template.id } });
      if (!existing) throw notFound("Template item");
      // Stages in the API's spelling, as the after has them (not the database enum's).
      before = { title: existing.title, category: existing.category, appliesTo: existing.appliesTo, gateStage: existing.gateStage && stageFromDb(existing.gateStage) };
      row = await tx.checklistTemplateItem.update({ where: { id: existing.id }, data: fields, select: { id: true, key: true } });
    } else {
      const key = keyForTitle(input.title, new Set(template.items.map((i) => i.key)));
      const position = template.items.reduce((max, i) => Math.max(max, i.position), -1) + 1;
      row = await tx.checklistTemplateItem.create({ data: { ...fields, templateId: template.id, key, position }, select: { id: true, key: true } });
    }
    const on = { programmeId: programme.id, entityType: "checklist_template", entityId: template.id } as const;
    const after = { key: row.key, title: input.title, category: input.category, appliesTo: input.appliesTo, gateStage: input.gateStage };
    await recordEvent(tx, actor, before ? { ...on, action: "checklist_template.item_edited", before, after } : { ...on, action: "checklist_template.item_added", after });
    return row;
  });
}

/** Removes an item from a template; slices keep theirs until synced (and keep ticked ones). */
export async function deleteTemplateItem(actor: Actor, programmeSlug: string, input: DeleteTemplateItemInput): Promise<{ id: string }> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await loadTemplate(tx, programme.id, input.templateId);
    const existing = await tx.checklistTemplateItem.findFirst({ where: { id: input.itemId, templateId: template.id } });
    if (!existing) throw notFound("Template item");
    await tx.checklistTemplateItem.delete({ where: { id: existing.id } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "checklist_template", entityId: template.id, action: "checklist_template.item_removed", before: { key: existing.key, title: existing.title } });
    return { id: existing.id };
  });
}

export type SyncResult = { slices: number; added: number; updated: number; removed: number; kept: number };

const total = (plans: Awaited<ReturnType<typeof planSlices>>): SyncResult => ({
  slices: plans.filter((p) => !isEmptySync(p.plan)).length,
  added: plans.reduce((n, p) => n + p.plan.add.length, 0),
  updated: plans.reduce((n, p) => n + p.plan.update.length, 0),
  removed: plans.reduce((n, p) => n + p.plan.remove.length, 0),
  kept: plans.reduce((n, p) => n + p.plan.kept.length, 0),
});

/** Applies a template to one slice: creates its items, or brings existing ones in line without losing ticks. */
export async function applyTemplateToSlice(actor: Actor, programmeSlug: string, input: ApplyTemplateInput): Promise<SyncResult> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.edit", input.sliceId);
  return db.$transaction(async (tx) => {
    const template = await loadTemplate(tx, programme.id, input.templateId);
    const locked = await lockSlicesForChecklistChange(tx, programme.id, [input.sliceId]);
    const plans = await planSlices(tx, programme.id, template.items, [input.sliceId]);
    for (const p of plans) await writePlan(tx, programme.id, p.sliceId, p.plan);
    const result = total(plans);
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: input.sliceId, action: "slice.checklist_applied", after: { templateId: template.id, template: template.name, ...result } });
    await followChecklistChange(tx, actor, programme.id, locked, `Checklist template "${template.name}" applied`);
    return result;
  }, LONG_TX);
}

/** Brings every slice of the programme that has a checklist in line with the template. */
export async function syncTemplateToSlices(actor: Actor, programmeSlug: string, input: SyncTemplateInput): Promise<SyncResult> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await loadTemplate(tx, programme.id, input.templateId);
    const withItems = await tx.checklistItem.findMany({ where: { programmeId: programme.id }, distinct: ["sliceId"], select: { sliceId: true } });
    const plans = await planSlices(tx, programme.id, template.items, withItems.map((r) => r.sliceId));
    const changing = plans.filter((p) => !isEmptySync(p.plan));
    // Only the slices that change are locked (writePlan re-checks that a removed item is still
    // open, so a tick between the plan and the lock is never undone).
    const locked = await lockSlicesForChecklistChange(tx, programme.id, changing.map((p) => p.sliceId));
    for (const p of changing) await writePlan(tx, programme.id, p.sliceId, p.plan);
    const result = total(plans);
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "checklist_template", entityId: template.id, action: "checklist_template.synced", after: { name: template.name, ...result } });
    await followChecklistChange(tx, actor, programme.id, locked, `Checklist template "${template.name}" synced`);
    return result;
  }, LONG_TX);
}

/** What a sync would change, for the settings page's offer. */
export async function previewTemplateSync(programmeId: string, templateId: string): Promise<SyncResult> {
  const template = await loadTemplate(db, programmeId, templateId);
  const withItems = await db.checklistItem.findMany({ where: { programmeId }, distinct: ["sliceId"], select: { sliceId: true } });
  return total(await planSlices(db, programmeId, template.items, withItems.map((r) => r.sliceId)));
}
