import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stageFromDb, stageToDb } from "@/lib/slices/stages";
import { DEFAULT_TEMPLATE, itemsForSlice, sliceTraits } from "../default-template";

type Tx = Prisma.TransactionClient;

/**
 * Gives slices that have no checklist yet the definition of done: the programme's default
 * template (the built-in one when the programme has none), filtered to each slice's traits.
 * One insert for all of them: a first plan can create thousands of slices. Meant for slices
 * just created (at 0%, where no checklist decides the status); a caller that gives items to
 * a slice at 100% must lock it and follow with followChecklistChange (slice-status-sync.ts).
 */
export async function giveChecklists(tx: Tx, programmeId: string, sliceIds: string[]): Promise<number> {
  if (sliceIds.length === 0) return 0;
  const stored = await tx.checklistTemplate.findFirst({
    where: { programmeId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { items: { orderBy: [{ position: "asc" }, { key: "asc" }] } },
  });
  const template = stored
    ? { items: stored.items.map((i) => ({ ...i, guidance: i.guidance ?? "", gateStage: i.gateStage ? stageFromDb(i.gateStage) : null })) }
    : { items: DEFAULT_TEMPLATE.items.map((i, position) => ({ ...i, position })) };
  const slices = await tx.slice.findMany({
    where: { programmeId, id: { in: sliceIds }, checklistItems: { none: {} } },
    select: { id: true, services: { select: { kind: true, stateful: true } } },
  });
  const rows: Prisma.ChecklistItemCreateManyInput[] = slices.flatMap((s) =>
    itemsForSlice(template, sliceTraits(s.services)).map((i) => ({
      programmeId,
      sliceId: s.id,
      key: i.key,
      title: i.title,
      guidance: i.guidance || null,
      category: i.category,
      gateStage: i.gateStage ? stageToDb(i.gateStage) : null,
      position: i.position,
    })),
  );
  for (let i = 0; i < rows.length; i += 5000) await tx.checklistItem.createMany({ data: rows.slice(i, i + 5000) });
  return rows.length;
}
