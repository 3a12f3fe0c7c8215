import "server-only";
import { db } from "@/lib/db";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/slices/stages";
import { isEmptySync } from "./sync";
import { getTemplateOrThrow, planSlices, syncTotals, type SyncResult } from "./template-data";

/** One slice's part of a sync, as the settings page previews it. */
export type SliceSyncPreview = { id: string; name: string; stage: Stage; status: SliceStatus; added: string[]; late: string[]; updated: number; removed: number };

/** What syncing the template would change, in totals and slice by slice (only the slices it changes). */
export async function getTemplateSyncPreview(programmeId: string, templateId: string): Promise<SyncResult & { bySlice: SliceSyncPreview[] }> {
  const template = await getTemplateOrThrow(db, programmeId, templateId);
  const withItems = await db.checklistItem.findMany({ where: { programmeId }, distinct: ["sliceId"], select: { sliceId: true } });
  const plans = await planSlices(db, programmeId, template.items, withItems.map((r) => r.sliceId));
  const bySlice = plans
    .filter((p) => !isEmptySync(p.plan))
    .map((p) => ({ id: p.sliceId, name: p.name, stage: p.stage, status: p.status, added: p.plan.add.map((i) => i.title), late: p.plan.late.map((i) => i.title), updated: p.plan.update.length, removed: p.plan.remove.length }));
  return { ...syncTotals(plans), bySlice };
}

/** The programme's templates with their items, its slices for "apply", and each template's sync preview (managers only). */
export async function getTemplatesPage(programmeId: string, withPreview: boolean) {
  const [templates, slices] = await Promise.all([
    db.checklistTemplate.findMany({ where: { programmeId }, select: { id: true, name: true, items: { orderBy: [{ position: "asc" }, { key: "asc" }] } }, orderBy: { name: "asc" } }),
    db.slice.findMany({ where: { programmeId }, select: { id: true, name: true, _count: { select: { checklistItems: true } } }, orderBy: { name: "asc" } }),
  ]);
  const previews = withPreview ? await Promise.all(templates.map((t) => getTemplateSyncPreview(programmeId, t.id))) : [];
  return { templates, slices, previews };
}
