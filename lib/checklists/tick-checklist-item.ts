import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { programmeAccessOf } from "@/lib/auth/access";
import { assertAllowed, authorize } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { SLICE_TX_OPTIONS } from "@/lib/slices/access";
import { isStage } from "@/lib/slices/stages";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import { itemSelect } from "@/lib/slices/queries";
import { statusAfterTicks } from "@/lib/slices/stage-machine";
import { itemView } from "@/lib/slices/views";
import { followChecklistChange, type LockedSliceStatus } from "./slice-status-sync";
import type { ChecklistItemView, TickChecklistItemInput } from "./schemas";
import { getTickTarget, tickWithoutSliceChange } from "./tick-queries";

/** Ticking this item done is the rehearsal the slice page shows as "last rehearsed". */
const REHEARSAL_KEY = "rollback-rehearsed";

type ItemState = { state: string; evidenceUrl?: string; reason?: string };

const stateOf = (row: { state: string; evidenceUrl: string | null; reason: string | null }): ItemState => ({
  state: row.state,
  ...(row.evidenceUrl ? { evidenceUrl: row.evidenceUrl } : {}),
  ...(row.reason ? { reason: row.reason } : {}),
});

/**
 * Sets a checklist item done (with optional evidence), open, or not applicable (with a
 * reason); records who and when, one "checklist_item.ticked" event, and the slice status
 * that follows (done at 100% once the old path is retired, live again when reopened).
 */
export async function tickChecklistItem(actor: Actor, programmeSlug: string, input: TickChecklistItemInput): Promise<ChecklistItemView> {
  // The same decisions as authorize() (NOT_FOUND before FORBIDDEN, nothing said about an item
  // of a programme the actor cannot see), over one query instead of three.
  const target = await getTickTarget(actor, programmeSlug, input);
  const programme = programmeAccessOf(actor, target.programme);
  if (!target.item) {
    assertAllowed(programme, "programme.read", { memberTeamIds: [], ownerTeamIds: [] });
    throw notFound("Checklist item");
  }
  const { key, stage, status, teamId, isTeamMember } = target.item;
  assertAllowed(programme, "checklist.tick", { memberTeamIds: isTeamMember ? [teamId] : [], ownerTeamIds: [teamId] });

  // Most ticks change nothing on the slice: below 100% its status does not follow the
  // checklist. Those take one database call; the rest (and a slice that moved meanwhile) the general path.
  const changesSlice = stage === "100" || statusAfterTicks(stage, [], status) !== status || (key === REHEARSAL_KEY && input.state === "done");
  if (!changesSlice) {
    const item = await tickWithoutSliceChange(actor, input, { programmeId: programme.id, expected: { stage, status, teamId } });
    if (item) return itemView(item, actor.name);
  }
  return tickWithSliceRules(actor, programmeSlug, input);
}

/** The general path: locks the slice, then sets the item and applies what it means for the slice. */
async function tickWithSliceRules(actor: Actor, programmeSlug: string, input: TickChecklistItemInput): Promise<ChecklistItemView> {
  const found = await db.checklistItem.findFirst({
    where: { id: input.itemId, sliceId: input.sliceId, programme: { slug: programmeSlug } },
    select: { slice: { select: { teamId: true } } },
  });
  if (!found) {
    await authorize(actor, programmeSlug, "programme.read");
    throw notFound("Checklist item");
  }
  const programme = await authorize(actor, programmeSlug, "checklist.tick", [found.slice.teamId]);

  const item = await db.$transaction(async (tx) => {
    const { slice, current } = await lockSliceWithItem(tx, programme.id, input.sliceId, input.itemId);
    const now = new Date();
    const data: Prisma.ChecklistItemUncheckedUpdateInput =
      input.state === "open"
        ? { state: "open", evidenceUrl: null, reason: null, doneById: null, doneAt: null }
        : { state: input.state, evidenceUrl: input.evidenceUrl ?? null, reason: input.reason ?? null, doneById: actor.userId, doneAt: now };
    const before = stateOf(current);
    const after = stateOf({ state: input.state, evidenceUrl: (data.evidenceUrl as string | null) ?? null, reason: (data.reason as string | null) ?? null });
    if (JSON.stringify(before) === JSON.stringify(after)) {
      // Nothing changes: no write, no event (a retried request must not double the history).
      return tx.checklistItem.findUniqueOrThrow({ where: { id: input.itemId }, select: itemSelect });
    }
    const updated = await tx.checklistItem.update({ where: { id: input.itemId }, data, select: itemSelect });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "checklist_item",
      entityId: input.itemId,
      action: "checklist_item.ticked",
      before,
      after: { ...after, title: current.title, sliceId: slice.id },
    });
    await followSlice(tx, actor, programme.id, slice, { rehearsed: current.key === REHEARSAL_KEY && input.state === "done" ? now : undefined });
    return updated;
  }, SLICE_TX_OPTIONS);
  // Without a user on record (the admin token) the ticker is this actor: no need to look it up.
  return itemView(item, actor.name);
}

/**
 * Locks the slice row (like every move and tick on it, so they run one at a time per slice)
 * and reads the item, in one round trip: ticks are the hottest write in Ferry.
 */
async function lockSliceWithItem(tx: Prisma.TransactionClient, programmeId: string, sliceId: string, itemId: string) {
  const rows = await tx.$queryRaw<{ stage: string; status: SliceStatus; key: string; title: string; state: string; evidenceUrl: string | null; reason: string | null }[]>`
    SELECT s.stage::text AS stage, s.status::text AS status, i.key, i.title, i.state::text AS state, i."evidenceUrl", i.reason
    FROM "Slice" s JOIN "ChecklistItem" i ON i."sliceId" = s.id
    WHERE s.id = ${sliceId} AND s."programmeId" = ${programmeId} AND i.id = ${itemId}
    FOR UPDATE OF s`;
  const row = rows[0];
  if (!row || !isStage(row.stage)) throw notFound("Checklist item");
  return { slice: { id: sliceId, stage: row.stage, status: row.status }, current: { key: row.key, title: row.title, state: row.state, evidenceUrl: row.evidenceUrl, reason: row.reason } };
}

/** Applies what a tick means for the slice: its derived status and the rehearsal date. */
async function followSlice(tx: Prisma.TransactionClient, actor: Actor, programmeId: string, slice: LockedSliceStatus, opts: { rehearsed?: Date }) {
  await followChecklistChange(tx, actor, programmeId, [slice], "a checklist item was ticked");
  if (opts.rehearsed) await tx.slice.update({ where: { id: slice.id }, data: { version: { increment: 1 }, rollbackRehearsedAt: opts.rehearsed } });
}
