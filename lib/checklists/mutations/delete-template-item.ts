import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { DeleteTemplateItemInput } from "../schemas";
import { getTemplateOrThrow } from "../template-data";

/** Removes an item from a template; slices keep theirs until synced (and keep ticked ones). */
export async function deleteTemplateItem(actor: Actor, programmeSlug: string, input: DeleteTemplateItemInput): Promise<{ id: string }> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await getTemplateOrThrow(tx, programme.id, input.templateId);
    const existing = await tx.checklistTemplateItem.findFirst({ where: { id: input.itemId, templateId: template.id } });
    if (!existing) throw notFound("Template item");
    await tx.checklistTemplateItem.delete({ where: { id: existing.id } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "checklist_template", entityId: template.id, action: "checklist_template.item_removed", before: { key: existing.key, title: existing.title } });
    return { id: existing.id };
  });
}
