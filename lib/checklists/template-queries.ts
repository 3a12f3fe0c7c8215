import "server-only";
import { db } from "@/lib/db";
import { previewTemplateSync } from "./template-mutations";

/** The programme's templates with their items, its slices for "apply", and each template's sync preview (managers only). */
export async function getTemplatesPage(programmeId: string, withPreview: boolean) {
  const [templates, slices] = await Promise.all([
    db.checklistTemplate.findMany({ where: { programmeId }, select: { id: true, name: true, items: { orderBy: [{ position: "asc" }, { key: "asc" }] } }, orderBy: { name: "asc" } }),
    db.slice.findMany({ where: { programmeId }, select: { id: true, name: true, _count: { select: { checklistItems: true } } }, orderBy: { name: "asc" } }),
  ]);
  const previews = withPreview ? await Promise.all(templates.map((t) => previewTemplateSync(programmeId, t.id))) : [];
  return { templates, slices, previews };
}
