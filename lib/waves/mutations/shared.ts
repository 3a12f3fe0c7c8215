/** What the waves mutations share: the programme lock and the rule for reshaping slices. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Locks the programme row for the rest of the transaction. Every write that reads the
 * programme's placement to decide (apply a plan, move, merge, split) takes it first, so they
 * run one after another and each decides from the one before's result, never from a mix.
 */
export async function lockProgramme(tx: Prisma.TransactionClient, programmeId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programmeId} FOR UPDATE`;
}

/** Only slices that have not started can be merged or split: nothing recorded on them is lost. */
export function assertNotStarted(slices: { name: string; status: string; stage: string; resolvedItems: number }[]) {
  const started = slices.filter((s) => s.status !== "planned" || s.stage !== "none" || s.resolvedItems > 0);
  if (started.length === 0) return;
  throw new AppError("CONFLICT", `Only slices that have not started can be merged or split: ${started.map((s) => s.name).join(", ")} ${started.length === 1 ? "has" : "have"} progress on record.`);
}
