/** REST operations of this domain, for the OpenAPI document (see lib/api/operations.ts). */
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { checklistItemSchema, tickItemBodySchema } from "@/lib/checklists/schemas";
import { moveStageBodySchema, sliceDetailSchema } from "./schemas";
import { STAGES } from "./stages";

const rolloutReadingSchema = z.object({
  readingId: z.string(),
  reading: z.object({
    sourceKind: z.enum(["Rollout", "Canary", "VirtualService"]),
    name: z.string(),
    namespace: z.string().optional(),
    weight: z.number().int().describe("Whole-percent share of real traffic on the new path"),
    phase: z.string(),
    healthy: z.boolean(),
    aborted: z.boolean(),
    message: z.string(),
    mirrored: z.boolean().optional(),
  }),
  currentStage: z.enum(STAGES),
  version: z.number().int(),
  proposal: z.object({ to: z.enum(STAGES), kind: z.enum(["advance", "rollback", "none"]), reason: z.string(), signal: z.string().optional() }),
});

export const slicesOperations: Operation[] = [
  {
    method: "get",
    path: "/programmes/{slug}/slices/{id}",
    summary: "A slice with its services and definition-of-done checklist",
    tag: "Slices",
    responses: { 200: { description: "The slice", schema: sliceDetailSchema } },
  },
  {
    method: "patch",
    path: "/programmes/{slug}/slices/{id}/checklist/{itemId}",
    summary: "Tick a checklist item: done (optional http(s) evidence), open, or not applicable (reason required)",
    tag: "Slices",
    body: tickItemBodySchema,
    responses: { 200: { description: "The item after the change", schema: checklistItemSchema } },
  },
  {
    method: "post",
    path: "/programmes/{slug}/slices/{id}/stage",
    summary: "Move a slice's traffic stage; moving down is a rollback and needs a reason. GATE_BLOCKED lists the open gating items; CONFLICT when expectedVersion is stale",
    tag: "Slices",
    body: moveStageBodySchema,
    responses: { 200: { description: "The slice after the move", schema: sliceDetailSchema } },
  },
  {
    method: "post",
    path: "/programmes/{slug}/slices/{id}/rollout",
    summary: "Read an Argo Rollout, Flagger Canary or Istio VirtualService (YAML body) and propose the matching stage move; the source is kept as evidence",
    tag: "Slices",
    rawBody: { "application/yaml": "The live object, as `kubectl get <kind> <name> -o yaml` prints it (512 KB at most)" },
    responses: { 200: { description: "The reading and the proposed move (nothing is moved)", schema: rolloutReadingSchema } },
  },
];
