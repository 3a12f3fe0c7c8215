/** REST operations of this domain, for the OpenAPI document (see lib/api/operations.ts). */
import type { Operation } from "@/lib/api/openapi";
import { planRequestSchema, planResponseSchema } from "./schemas";

export const wavesOperations: Operation[] = [
  {
    method: "post",
    path: "/programmes/{slug}/plan",
    summary: "Plan the waves from the dependency graph: preview (default) or apply (manager)",
    tag: "Planning",
    body: planRequestSchema,
    responses: {
      200: { description: "The plan: waves of slices with a reason each, cycles, violations and the critical path. With apply: true it is stored, in one transaction with its events.", schema: planResponseSchema },
    },
  },
  {
    method: "get",
    path: "/programmes/{slug}/waves",
    summary: "The stored waves in the plan's shape, with the violations of the stored placement",
    tag: "Planning",
    responses: { 200: { description: "Stored waves", schema: planResponseSchema } },
  },
];
