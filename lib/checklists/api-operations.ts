/** REST operations of this domain, for the OpenAPI document (see lib/api/operations.ts). */
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { checklistItemSchema, MAX_BULK_TICKS, tickChecklistItemsSchema, tickEntryFailureSchema } from "./schemas";

const entryFailures = z.array(tickEntryFailureSchema).describe("Every failing entry, by index, each with its own code; nothing was written");
const fieldIssues = z.array(z.object({ path: z.string(), message: z.string() })).describe("A problem with the body as a whole (not JSON, no ticks, more than 1,000, an unknown field)");

const refusal = (code: z.ZodType, details: z.ZodType) => z.object({ error: z.object({ code, message: z.string(), details }) });

export const checklistsOperations: Operation[] = [
  {
    method: "post",
    path: "/programmes/{slug}/checklist/ticks",
    summary: `Tick up to ${MAX_BULK_TICKS.toLocaleString("en")} checklist items across slices, all or nothing, each entry validated like the single tick. Two entries for the same item are INVALID (both named). Entries are checked for INVALID first; then an answer with any unknown entry is NOT_FOUND, else FORBIDDEN, its details naming every unknown and forbidden entry`,
    tag: "Slices",
    body: tickChecklistItemsSchema,
    responses: {
      200: { description: "The items after the change, in the order of `ticks`; one event per item that changed", schema: z.object({ items: z.array(checklistItemSchema) }) },
      // A body that is not JSON at all has nothing to name, so no details (it was documented as always having them).
      400: { description: "An entry is invalid (details name each by index and field), or the body is (not JSON: no details)", schema: refusal(z.literal("INVALID"), z.union([entryFailures, fieldIssues]).optional()) },
      403: { description: "An entry is on a slice the caller may not tick", schema: refusal(z.literal("FORBIDDEN"), entryFailures) },
      404: { description: "An entry names no item of that slice in this programme", schema: refusal(z.literal("NOT_FOUND"), entryFailures) },
    },
  },
];
