/**
 * What every write on a slice shares (the slice mutations and the checklist ticks and syncs):
 * authorising on the slice's owner team, the row lock that serialises changes per slice
 * (ADR 15), and the transaction options those changes run with.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { ProgrammeAccess } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import type { Action } from "@/lib/auth/rules";
import { isStage, type Stage } from "../stages";

/**
 * Authorises a scoped action on one slice of a programme. A slice of another programme, or
 * one that does not exist, is NOT_FOUND, and only after the programme itself was checked, so
 * a lead probing ids learns nothing (never FORBIDDEN for a slice that is not there).
 */
export async function authorizeOnSlice(actor: Actor, programmeSlug: string, action: Action, sliceId: string): Promise<{ programme: ProgrammeAccess; teamId: string }> {
  const slice = await db.slice.findFirst({ where: { id: sliceId, programme: { slug: programmeSlug } }, select: { teamId: true } });
  if (!slice) {
    await authorize(actor, programmeSlug, "programme.read");
    throw notFound("Slice");
  }
  return { programme: await authorize(actor, programmeSlug, action, [slice.teamId]), teamId: slice.teamId };
}

export type LockedSlice = { id: string; stage: Stage; status: SliceStatus; version: number; actualStart: Date | null };

/**
 * Locks the slice row for the rest of the transaction (SELECT ... FOR UPDATE). Every stage
 * move and every tick on a slice takes this lock first, so they run one after another per
 * slice: a move never evaluates gates against items a concurrent reopen is changing, and
 * two ticks never both compute the slice's status from a stale checklist.
 */
export async function lockSlice(tx: Prisma.TransactionClient, programmeId: string, sliceId: string): Promise<LockedSlice> {
  const rows = await tx.$queryRaw<{ id: string; stage: string; status: SliceStatus; version: number; actualStart: Date | null }[]>`
    SELECT id, stage::text AS stage, status::text AS status, version, "actualStart" FROM "Slice"
    WHERE id = ${sliceId} AND "programmeId" = ${programmeId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Slice");
  // The column stores the API spelling ("0", "mirror", "1"...), read as text here.
  if (!isStage(row.stage)) throw new AppError("INVALID", `The slice has an unknown stage ${row.stage}.`);
  return { ...row, stage: row.stage };
}

/**
 * Ticks and moves queue for a pooled connection under load (and on the embedded database,
 * which runs one transaction at a time), so they get longer than Prisma's 2 s to start.
 */
export const SLICE_TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;
