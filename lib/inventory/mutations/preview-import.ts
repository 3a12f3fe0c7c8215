import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { runImportJobOffThread } from "../import-thread";
import { loadInventory } from "../queries/load-inventory";
import { importInventorySchema, type ImportInventoryInput, type ImportReport } from "../schemas";
import { checkSize } from "./shared";

/** What importing a file would do; writes nothing. Problems come back in `errors`. */
export async function previewImport(actor: Actor, programmeSlug: string, input: ImportInventoryInput): Promise<ImportReport> {
  const programme = await authorize(actor, programmeSlug, "inventory.import");
  const { format, text } = importInventorySchema.parse(input);
  checkSize(text);
  const { teams, services, dependencies } = await loadInventory(db, programme.id);
  // Parse, diff and report on a worker thread: a large file must not stall other requests.
  const { report } = await runImportJobOffThread({ mode: "preview", format, text, current: { teams, services, dependencies } });
  return report;
}
