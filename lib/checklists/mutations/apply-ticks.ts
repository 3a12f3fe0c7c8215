/**
 * The one tick: what a single PATCH, the slice page and a pipeline's bulk request all go
 * through. Authorised with the access helpers every mutation uses; then one transaction locks
 * the slices, writes the items and their events, and applies the status rule once per slice.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { getProgrammeAccessOrThrow, type ProgrammeAccess } from "@/lib/auth/access";
import { assertAllowed, teamIdsOf } from "@/lib/auth/authorize";
import { AppError, isAppError } from "@/lib/errors";
import { updateRows } from "@/lib/db/bulk-insert";
import { eventRow, insertEvents, type EventRow } from "@/lib/events/record";
import { SLICE_TX_OPTIONS } from "@/lib/slices/mutations/shared";
import { itemView, type ItemRow } from "@/lib/slices/views";
import { followChecklistChange, type LockedSliceStatus } from "./slice-status-sync";
import type { ChecklistItemView, TickChecklistItemInput, TickEntryFailure } from "../schemas";
import { lockTickTargets, type TickTarget } from "./lock-tick-targets";

/** Ticking this item done is the rehearsal the slice page shows as "last rehearsed". */
const REHEARSAL_KEY = "rollback-rehearsed";

/** Why a tick request changes nothing: the code of the whole answer and each failing entry. */
export type RefuseTicks = (code: TickEntryFailure["code"], failures: TickEntryFailure[]) => AppError;

type ItemState = { state: string; evidenceUrl?: string; reason?: string };

// The payload of "checklist_item.ticked": empty evidence and reason are left out.
const stateOf = (row: { state: string; evidenceUrl: string | null; reason: string | null }): ItemState => ({
  state: row.state,
  ...(row.evidenceUrl ? { evidenceUrl: row.evidenceUrl } : {}),
  ...(row.reason ? { reason: row.reason } : {}),
});

const sameState = (a: ItemState, b: ItemState) => a.state === b.state && a.evidenceUrl === b.evidenceUrl && a.reason === b.reason;

/** Every entry that names an item another entry names too: one tick per item per request. */
function duplicateFailures(entries: readonly TickChecklistItemInput[]): TickEntryFailure[] {
  const indexes = new Map<string, number[]>();
  entries.forEach((e, i) => indexes.set(e.itemId, [...(indexes.get(e.itemId) ?? []), i]));
  return [...indexes.values()]
    .filter((list) => list.length > 1)
    .flatMap((list) => list.map((index) => ({ index, code: "INVALID" as const, path: "itemId", message: `Entries ${list.join(", ")} tick the same item; send one tick per item.` })))
    .sort((a, b) => a.index - b.index);
}

/**
 * Applies `entries` all or nothing and answers the items in the same order. Refusals (a
 * duplicate item, an item that is not on that slice of this programme, a slice the actor may
 * not tick) are decided before anything is written and reported through `refuse`: INVALID
 * first, then NOT_FOUND, then FORBIDDEN, each failing entry named with its own code.
 * A tick that changes nothing writes nothing and records no event (a retry must not double
 * the history).
 */
export async function applyTicks(actor: Actor, programmeSlug: string, entries: readonly TickChecklistItemInput[], refuse: RefuseTicks): Promise<ChecklistItemView[]> {
  const duplicates = duplicateFailures(entries);
  if (duplicates.length > 0) throw refuse("INVALID", duplicates);
  // NOT_FOUND for a programme the actor cannot see, before anything about its items is said.
  const programme = await getProgrammeAccessOrThrow(actor, programmeSlug);
  const memberTeamIds = programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [];

  return db.$transaction(async (tx) => {
    // Authorised against the slices as locked: a slice handed to another team while this
    // waited for its lock is judged by its new team.
    const { targets, actorUserName } = await lockTickTargets(tx, programme.id, entries, actor.userId);
    assertTicksAllowed(programme, memberTeamIds, entries, targets, refuse);
    return writeTicks(tx, actor, programme.id, entries, targets, actorUserName);
  }, SLICE_TX_OPTIONS);
}

function assertTicksAllowed(programme: ProgrammeAccess, memberTeamIds: readonly string[], entries: readonly TickChecklistItemInput[], targets: ReadonlyMap<string, TickTarget>, refuse: RefuseTicks): void {
  const failures: TickEntryFailure[] = [];
  const refusalByTeam = new Map<string, string | null>();
  entries.forEach((entry, index) => {
    const target = targets.get(entry.itemId);
    if (!target || target.slice.id !== entry.sliceId) {
      failures.push({ index, code: "NOT_FOUND", message: "Checklist item was not found." });
      return;
    }
    const teamId = target.slice.teamId;
    if (!refusalByTeam.has(teamId)) refusalByTeam.set(teamId, refusalOf(() => assertAllowed(programme, "checklist.tick", { memberTeamIds, ownerTeamIds: [teamId] })));
    const refusal = refusalByTeam.get(teamId);
    if (refusal) failures.push({ index, code: "FORBIDDEN", message: refusal });
  });
  if (failures.length === 0) return;
  throw refuse(failures.some((f) => f.code === "NOT_FOUND") ? "NOT_FOUND" : "FORBIDDEN", failures);
}

/** The FORBIDDEN message assertAllowed throws, or null when allowed. */
function refusalOf(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return error.message;
    throw error;
  }
}

type Tx = Prisma.TransactionClient;

async function writeTicks(
  tx: Tx,
  actor: Actor,
  programmeId: string,
  entries: readonly TickChecklistItemInput[],
  targets: ReadonlyMap<string, TickTarget>,
  actorUserName: string | null,
): Promise<ChecklistItemView[]> {
  const now = new Date();
  const updates: Record<string, unknown>[] = [];
  const events: EventRow[] = [];
  const changedSlices = new Map<string, LockedSliceStatus>();
  const rehearsed = new Set<string>();
  const rows = entries.map((entry): ItemRow => {
    const { slice, item } = targets.get(entry.itemId)!;
    const resolved = entry.state !== "open";
    const next = { state: entry.state, evidenceUrl: resolved ? (entry.evidenceUrl ?? null) : null, reason: resolved ? (entry.reason ?? null) : null };
    const before = stateOf(item);
    const after = stateOf(next);
    if (sameState(before, after)) return item;
    const doneById = resolved ? actor.userId : null;
    const doneAt = resolved ? now : null;
    updates.push({ id: item.id, ...next, doneById, doneAt, updatedAt: now });
    events.push(
      eventRow(actor, {
        programmeId,
        entityType: "checklist_item",
        entityId: item.id,
        action: "checklist_item.ticked",
        before,
        after: { ...after, title: item.title, sliceId: slice.id },
      }),
    );
    changedSlices.set(slice.id, slice);
    if (item.key === REHEARSAL_KEY && entry.state === "done") rehearsed.add(slice.id);
    return { ...item, ...next, doneAt, doneBy: doneById !== null && actorUserName !== null ? { name: actorUserName } : null };
  });
  if (updates.length > 0) {
    // One statement for the items and one for their events, however many there are.
    await updateRows(tx, "ChecklistItem", ["state", "evidenceUrl", "reason", "doneById", "doneAt", "updatedAt"], updates);
    await insertEvents(tx, events);
    await followChecklistChange(tx, actor, programmeId, [...changedSlices.values()], "a checklist item was ticked");
    if (rehearsed.size > 0) await tx.slice.updateMany({ where: { id: { in: [...rehearsed] } }, data: { version: { increment: 1 }, rollbackRehearsedAt: now } });
  }
  // Without a user on record (the admin token) the ticker is this actor: no need to look it up.
  return rows.map((row) => itemView(row, actor.name));
}
