import { z } from "zod";
import { textSchema } from "@/lib/validation/text";

export const eventsQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true, message: "use an ISO timestamp like 2026-11-01T00:00:00Z" }).optional(),
  afterId: z.coerce.number().int().min(0).optional().describe("page on: the id of the last event you have"),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
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
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
