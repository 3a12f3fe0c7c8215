/** The graph's API shape (`GET /programmes/{slug}/graph`, API.md), for the OpenAPI document. */
import * as z from "zod";
import { DEPENDENCY_KINDS, SERVICE_KINDS } from "@/lib/inventory/model";
import { SLICE_STATUSES, STAGES } from "@/lib/slices/stages";

export const graphNodeSchema = z.object({
  name: z.string(),
  team: z.string().nullable(),
  kind: z.enum(SERVICE_KINDS),
  stateful: z.boolean(),
  slice: z.string().nullable(),
  wave: z.int().nullable(),
  status: z.enum(SLICE_STATUSES).nullable(),
  stage: z.enum(STAGES).nullable(),
});

export const graphEdgeSchema = z.object({
  from: z.string().describe("The service that depends"),
  to: z.string().describe("The service depended on"),
  kind: z.enum(DEPENDENCY_KINDS),
  blocked: z.boolean().describe("The slice this dependency waits for (planned in an earlier wave) is not live yet"),
});

export const graphSchema = z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) });
