import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { ChecklistItemView, TickChecklistItemInput } from "../schemas";
import { applyTicks } from "./apply-ticks";

/**
 * Sets a checklist item done (with optional evidence), open, or not applicable (with a
 * reason); records who and when, one "checklist_item.ticked" event, and the slice status
 * that follows (done at 100% once the old path is retired, live again when reopened).
 * The bulk tick with one entry; its refusal is the entry's own.
 */
export async function tickChecklistItem(actor: Actor, programmeSlug: string, input: TickChecklistItemInput): Promise<ChecklistItemView> {
  const [item] = await applyTicks(actor, programmeSlug, [input], (code, [failure]) => new AppError(code, failure.message));
  return item;
}
