import "server-only";
import { db } from "@/lib/db";
import { getTemplateOrThrow, planSlices, syncTotals, type SyncResult } from "./template-data";

/** What syncing the template would change, for the settings page's offer. */
export async function getTemplateSyncPreview(programmeId: string, templateId: string): Promise<SyncResult> {
  const template = await getTemplateOrThrow(db, programmeId, templateId);
  const withItems = await db.checklistItem.findMany({ where: { programmeId }, distinct: ["sliceId"], select: { sliceId: true } });
  return syncTotals(await planSlices(db, programmeId, template.items, withItems.map((r) => r.sliceId)));
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
