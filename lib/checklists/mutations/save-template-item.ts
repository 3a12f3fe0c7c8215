import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";
import type { PayloadInput } from "@/lib/events/catalogue";
import { recordEvent } from "@/lib/events/record";
import { stageFromDb, stageToDb } from "@/lib/slices/stages";
import type { SaveTemplateItemInput } from "../schemas";
import { keyForTitle } from "../sync";
import { getTemplateOrThrow } from "../template-data";

/** Adds an item to a template (no itemId) or edits one; slices change only when synced. */
export async function saveTemplateItem(actor: Actor, programmeSlug: string, input: SaveTemplateItemInput): Promise<{ id: string; key: string }> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await getTemplateOrThrow(tx, programme.id, input.templateId);
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
