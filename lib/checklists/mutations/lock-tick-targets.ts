import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChecklistCategory, ItemState, SliceStatus } from "@/lib/generated/prisma/enums";
import type { LockedSliceStatus } from "./slice-status-sync";
import { isStage, stageToDb } from "@/lib/slices/stages";
import type { ItemRow } from "@/lib/slices/views";

/** An item to tick, as it stands under its slice's lock, with the slice the status rule needs. */
export type TickTarget = { slice: LockedSliceStatus & { teamId: string }; item: ItemRow };

type Row = {
  sliceId: string;
  stage: string;
  status: SliceStatus;
  teamId: string;
  id: string;
  key: string;
  title: string;
  category: ChecklistCategory;
  gateStage: string | null;
  state: ItemState;
  followUp: boolean;
  evidenceUrl: string | null;
  reason: string | null;
  doneAt: Date | null;
  doneByName: string | null;
  actorUserName: string | null;
};

/**
 * Locks the slices of the entries' items, and the items, in one statement, in a stable order
 * (slice id, then item id), so two ticks over overlapping slices queue instead of
 * deadlocking; every tick, move and template sync on a slice takes its lock first (ADR 15).
 * Locking the items too makes the values read those committed by whoever held the lock
 * before, not the ones seen when the statement started waiting. Items of other programmes
 * are simply absent. Also reads the actor's own name, which a tick records as the ticker.
 */
export async function lockTickTargets(
  tx: Prisma.TransactionClient,
  programmeId: string,
  entries: readonly { sliceId: string; itemId: string }[],
  actorUserId: string | null,
): Promise<{ targets: Map<string, TickTarget>; actorUserName: string | null }> {
  const sliceIds = [...new Set(entries.map((e) => e.sliceId))];
  const itemIds = entries.map((e) => e.itemId);
  const rows = await tx.$queryRaw<Row[]>`
    SELECT s.id AS "sliceId", s.stage::text AS stage, s.status::text AS status, s."teamId",
      i.id, i.key, i.title, i.category::text AS category, i."gateStage"::text AS "gateStage", i.state::text AS state, i."followUp",
      i."evidenceUrl", i.reason, i."doneAt",
      (SELECT u.name FROM "User" u WHERE u.id = i."doneById") AS "doneByName",
      (SELECT u.name FROM "User" u WHERE u.id = ${actorUserId}) AS "actorUserName"
    FROM "Slice" s JOIN "ChecklistItem" i ON i."sliceId" = s.id
    WHERE s."programmeId" = ${programmeId} AND s.id = ANY(${sliceIds}::text[]) AND i.id = ANY(${itemIds}::text[])
    ORDER BY s.id, i.id
    FOR UPDATE OF s, i`;
  const targets = new Map<string, TickTarget>();
  for (const r of rows) {
    if (!isStage(r.stage)) continue;
    const gateStage = r.gateStage !== null && isStage(r.gateStage) ? stageToDb(r.gateStage) : null;
    targets.set(r.id, {
      slice: { id: r.sliceId, stage: r.stage, status: r.status, teamId: r.teamId },
      item: { id: r.id, key: r.key, title: r.title, category: r.category, gateStage, state: r.state, followUp: r.followUp, evidenceUrl: r.evidenceUrl, reason: r.reason, doneAt: r.doneAt, doneBy: r.doneByName === null ? null : { name: r.doneByName } },
    });
  }
  return { targets, actorUserName: rows[0]?.actorUserName ?? null };
}
