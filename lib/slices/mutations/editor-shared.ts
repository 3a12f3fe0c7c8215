/** What the slice editor's mutations share: the row lock with the caller's expected version. */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { lockSlice, type LockedSlice } from "./shared";

/**
 * Locks the slice (ADR 15) and refuses a stale edit: a form carries the version it was
 * rendered from, so an edit made on an outdated page says so instead of overwriting.
 */
export async function lockForEdit(tx: Prisma.TransactionClient, programmeId: string, sliceId: string, expectedVersion: number | undefined): Promise<LockedSlice> {
  const slice = await lockSlice(tx, programmeId, sliceId);
  if (expectedVersion !== undefined && expectedVersion !== slice.version) {
    throw new AppError("CONFLICT", "This slice changed since the page was loaded. Reload it and make the change again.", { currentVersion: slice.version, expectedVersion });
  }
  return slice;
}
