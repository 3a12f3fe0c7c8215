/** REST operations of this domain, for the OpenAPI document (see lib/api/operations.ts). */
import type { Operation } from "@/lib/api/openapi";
import { graphSchema } from "./schemas";

export const graphOperations: Operation[] = [
  {
    method: "get",
    path: "/programmes/{slug}/graph",
    summary: "The dependency graph the explorer draws: every service with its team, kind, slice, wave, status and stage; every dependency with its kind and whether it is blocked",
    tag: "Inventory",
    responses: { 200: { description: "Nodes by name, edges by from then to", schema: graphSchema } },
  },
];
