import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { stageToDb } from "@/lib/slices/stages";
import { DEFAULT_TEMPLATE } from "../default-template";
import type { CreateTemplateInput } from "../schemas";

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
