/**
 * A template and the sync plan of each slice, read with the caller's client (inside a
 * mutation's transaction, or the app client for the settings page's preview), and the write
 * of one slice's plan. Shared by the template mutations and the preview query.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SliceStatus, TrafficStage } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import { stageFromDb, stageToDb, type Stage } from "@/lib/slices/stages";
import { sliceTraits } from "./default-template";
import { isEmptySync, planTemplateSync, type SyncFields, type SyncPlan, type SyncTemplateItem } from "./sync";

type Tx = Prisma.TransactionClient;

/** Applying or syncing a template writes many slices: longer than Prisma's default transaction. */
export const TEMPLATE_SYNC_TX = { maxWait: 10_000, timeout: 60_000 } as const;

/** What applying or syncing a template changes (or would change), in counts. */
export type SyncResult = {
  slices: number;
  added: number;
  updated: number;
  removed: number;
  kept: number;
  /** Items added as follow-ups to live or done slices that had passed their gate. */
  followUps?: number;
  /** Slices left out because the manager chose not to add such items to them. */
  skipped?: number;
};

export type SlicePlan = { sliceId: string; name: string; stage: Stage; status: SliceStatus; plan: SyncPlan };

/** A programme's template and its items in the sync shape, or NOT_FOUND. */
export async function getTemplateOrThrow(tx: Tx, programmeId: string, templateId: string): Promise<{ id: string; name: string; items: SyncTemplateItem[] }> {
  const template = await tx.checklistTemplate.findFirst({
    where: { id: templateId, programmeId },
    select: { id: true, name: true, items: { orderBy: [{ position: "asc" }, { key: "asc" }] } },
  });
  if (!template) throw notFound("Checklist template");
  return {
    id: template.id,
    name: template.name,
    items: template.items.map((i) => ({ key: i.key, title: i.title, guidance: i.guidance, category: i.category, appliesTo: i.appliesTo, gateStage: i.gateStage ? stageFromDb(i.gateStage) : null, position: i.position })),
  };
}

/** The sync plan of every slice given (all of the programme's slices when none are). */
export async function planSlices(tx: Tx, programmeId: string, template: readonly SyncTemplateItem[], sliceIds?: string[]): Promise<SlicePlan[]> {
  const slices = await tx.slice.findMany({
    where: { programmeId, ...(sliceIds ? { id: { in: sliceIds } } : {}) },
    select: {
      id: true,
      name: true,
      stage: true,
      status: true,
      services: { select: { kind: true, stateful: true } },
      checklistItems: { select: { id: true, key: true, title: true, guidance: true, category: true, gateStage: true, position: true, state: true } },
    },
    orderBy: { name: "asc" },
  });
  return slices.map((s) => {
    const stage = stageFromDb(s.stage);
    return {
      sliceId: s.id,
      name: s.name,
      stage,
      status: s.status,
      plan: planTemplateSync(template, sliceTraits(s.services), s.checklistItems.map((i) => ({ ...i, gateStage: i.gateStage ? stageFromDb(i.gateStage) : null })), { stage, status: s.status }),
    };
  });
}

/** Sync fields as columns: the stage in its database spelling. */
function dbFields(f: Partial<SyncFields>): Omit<Partial<SyncFields>, "gateStage"> & { gateStage?: TrafficStage | null } {
  const { gateStage, ...rest } = f;
  return gateStage === undefined ? rest : { ...rest, gateStage: gateStage === null ? null : stageToDb(gateStage) };
}

/**
 * Writes one slice's plan: adds open items, adds the items it had passed the gate of as
 * follow-ups (a caller that skips such slices does not write them at all), updates wording and
 * gates, removes dropped open items.
 */
export async function writePlan(tx: Tx, programmeId: string, sliceId: string, plan: SyncPlan): Promise<void> {
  const added = [...plan.add.map((f) => ({ f, followUp: false })), ...plan.late.map((f) => ({ f, followUp: true }))];
  if (added.length) {
    await tx.checklistItem.createMany({ data: added.map(({ f, followUp }) => ({ ...dbFields(f), key: f.key, title: f.title, category: f.category, programmeId, sliceId, followUp })) });
  }
  for (const u of plan.update) await tx.checklistItem.update({ where: { id: u.id }, data: dbFields(u.changes) });
  // state: "open" again here: an item ticked since the plan was made is never deleted.
  if (plan.remove.length) await tx.checklistItem.deleteMany({ where: { id: { in: plan.remove }, state: "open" } });
}

/** The counts of the slices' plans: how many slices change, and the items added, updated, removed and kept. */
export const syncTotals = (plans: readonly SlicePlan[], skipped = 0): SyncResult => ({
  slices: plans.filter((p) => !isEmptySync(p.plan)).length,
  added: plans.reduce((n, p) => n + p.plan.add.length, 0),
  updated: plans.reduce((n, p) => n + p.plan.update.length, 0),
  removed: plans.reduce((n, p) => n + p.plan.remove.length, 0),
  kept: plans.reduce((n, p) => n + p.plan.kept.length, 0),
  followUps: plans.reduce((n, p) => n + p.plan.late.length, 0),
  skipped,
});
