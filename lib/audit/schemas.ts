import { z } from "zod";
import { dateSchema, instantSchema } from "@/lib/validation/date";
import { intFromTextSchema } from "@/lib/validation/number";
import { textSchema } from "@/lib/validation/text";

export const eventsQuerySchema = z.strictObject({
  since: instantSchema({ error: "use an ISO timestamp like 2026-11-01T00:00:00Z" }).optional(),
  afterId: intFromTextSchema().optional().describe("page on: the id of the last event you have"),
  // The events come oldest first by (at, id); a late-recorded event has an earlier `at` than
  // ids before it, so a page continues after its last event in that order, not after its id
  // (the Link header's cursor; listEventsSince).
  after: intFromTextSchema({ min: 1 }).optional().describe("page on: the cursor in the previous page's `Link: <…>; rel=\"next\"` header, sent when a page is full"),
  limit: intFromTextSchema({ min: 1, max: 5000 }).default(1000),
});

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  actorId: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** Audit page filters, read from the URL. Bad values are dropped, never an error page. */
export const auditFiltersSchema = z.object({
  actor: textSchema().trim().max(100).optional().catch(undefined),
  entity: textSchema().trim().max(50).optional().catch(undefined),
  // An event action as recorded ("slice.rolled_back"): a PM asking for every rollback of a quarter.
  action: textSchema().trim().max(80).optional().catch(undefined),
  from: dateSchema().optional().catch(undefined),
  to: dateSchema().optional().catch(undefined),
  before: intFromTextSchema({ min: 1 }).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export type AuditChoices = { entityTypes: string[]; actions: { entityType: string; action: string }[] };

/**
 * The filters without an action the chosen entity never records: changing the entity menu
 * submits the action chosen for the last one, which would match nothing while the action menu,
 * lacking it, read "Any".
 */
export function withoutStrayAction(filters: AuditFilters, choices: AuditChoices): AuditFilters {
  if (!filters.action) return filters;
  const recorded = choices.actions.some((a) => a.action === filters.action && (!filters.entity || a.entityType === filters.entity));
  return recorded ? filters : { ...filters, action: undefined };
}
