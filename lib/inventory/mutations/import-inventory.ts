/**
 * Applies an import in one transaction (any error means nothing is written): upsert by name,
 * removals only when the user confirms them. previewImport shows the same diff first.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { diffInventory } from "../diff";
import { runImportJobOffThread } from "../import-thread";
import type { ImportParse } from "../parse-import";
import { loadInventory } from "../queries/load-inventory";
import { buildReport } from "../report";
import { importInventorySchema, type ImportInventoryInput, type ImportReport } from "../schemas";
import { applyFerryExtras } from "./apply-ferry";
import { checkSize } from "./shared";
import { writeInventory } from "./write-inventory";

// Preview and apply of a 5,000-service catalog take a few seconds; Prisma's default is 5 s.
const TX_OPTIONS = { timeout: 60_000, maxWait: 15_000 };

const knownNames = async (programmeId: string) =>
  (await db.service.findMany({ where: { programmeId }, select: { name: true } })).map((s) => s.name);

/** Applies a file: INVALID with every row error (and nothing written) when any row is wrong. */
export async function importInventory(actor: Actor, programmeSlug: string, input: ImportInventoryInput): Promise<ImportReport> {
  const programme = await authorize(actor, programmeSlug, "inventory.import");
  const { format, text, confirmRemovals, expectedRemovals } = importInventorySchema.parse(input);
  checkSize(text);
  const known = await knownNames(programme.id);
  const { parsed }: { parsed: ImportParse } = await runImportJobOffThread({ mode: "parse", format, text, known });
  if (parsed.errors.length) {
    throw new AppError("INVALID", `The file has ${parsed.errors.length} problem${parsed.errors.length === 1 ? "" : "s"}; nothing was imported.`, parsed.errors);
  }
  try {
    return await db.$transaction(async (tx) => {
      // Read again inside the transaction: the diff must describe exactly what is written.
      const loaded = await loadInventory(tx, programme.id);
      const diff = diffInventory(loaded, parsed.inventory);
      const created = new Set(diff.services.create.map((s) => s.name));
      const vanished = parsed.inventory.dependencies.find((d) => !(loaded.serviceIds.has(d.to) || created.has(d.to)));
      if (vanished) throw new AppError("CONFLICT", `Service "${vanished.to}" was removed while the file was being read; preview the import again.`);
      const removable = diff.services.remove.length + diff.teams.remove.length + diff.dependencies.remove.length;
      if (confirmRemovals && expectedRemovals !== undefined && expectedRemovals !== removable) {
        throw new AppError("CONFLICT", `The programme changed since the preview (${removable} removals now, ${expectedRemovals} shown); preview the import again.`);
      }
      const { removed } = await writeInventory(tx, actor, programme.id, loaded, diff, { removals: confirmRemovals });
      const extras = parsed.document ? await applyFerryExtras(tx, actor, programme.id, parsed.document) : undefined;
      const report = buildReport(diff, { errors: [], warnings: parsed.warnings, applied: true, removed, extras });
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "programme",
        entityId: programme.id,
        action: "inventory.imported",
        after: { format, created: report.created, updated: report.updated, unchanged: report.unchanged, removed },
      });
      return report;
    }, TX_OPTIONS);
  } catch (error) {
    throw asConflict(error) ?? error;
  }
}

// Another write that raced this import (a service created under the same name) surfaces as a
// unique violation; through raw SQL Prisma wraps Postgres' 23505 in P2010.
function asConflict(error: unknown): AppError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || (error.code === "P2010" && /23505|23503/.test(JSON.stringify(error.meta ?? {}) + error.message)))) {
    return new AppError("CONFLICT", "The programme changed while the import was being applied; preview the import again.");
  }
  return null;
}
