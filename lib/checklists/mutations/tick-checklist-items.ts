import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { bulkTickRefusal } from "../bulk-ticks";
import type { ChecklistItemView, TickChecklistItemsInput } from "../schemas";
import { applyTicks } from "./apply-ticks";

/**
 * Ticks up to 1,000 items across slices in one transaction, all or nothing, for pipelines: the
 * items as they now stand, in the order given. A refusal's `details` lists each failing entry
 * by its index, with its own code and message.
 */
export async function tickChecklistItems(actor: Actor, programmeSlug: string, input: TickChecklistItemsInput): Promise<ChecklistItemView[]> {
  return applyTicks(actor, programmeSlug, input.ticks, (code, failures) => bulkTickRefusal(code, failures, input.ticks.length));
}
