/**
 * Every REST operation, for the OpenAPI document. A route added without an entry here is
 * caught by the API integration test that compares this list with the route files.
 */
import { z } from "zod";
import { createProgrammeSchema, programmeSummarySchema } from "@/lib/programmes/schemas";
import { authOperations } from "@/lib/auth/api-operations";
import { checklistsOperations } from "@/lib/checklists/api-operations";
import { reportsOperations } from "@/lib/reports/api-operations";
import { graphOperations } from "@/lib/graph/api-operations";
import { liveOperations } from "@/lib/live/api-operations";
import { servicesOperations } from "@/lib/services/api-operations";
import { slicesOperations } from "@/lib/slices/api-operations";
import { wavesOperations } from "@/lib/waves/api-operations";
import type { Operation } from "./openapi";

const coreOperations: Operation[] = [
  {
    method: "get",
    path: "/programmes",
    summary: "Programmes the caller can see",
    tag: "Programmes",
    responses: { 200: { description: "Programmes by name", schema: z.array(programmeSummarySchema) } },
  },
  {
    method: "post",
    path: "/programmes",
    summary: "Create a programme (deployment administrator)",
    tag: "Programmes",
    body: createProgrammeSchema,
    responses: { 201: { description: "Created", schema: z.object({ slug: z.string(), name: z.string() }) } },
  },
  {
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    tag: "Meta",
    responses: { 200: { description: "OpenAPI 3.1 document", contentTypes: ["application/json"] } },
  },
];

/** Every operation, domain by domain; each domain keeps its own list beside its schemas. */
export const operations: Operation[] = [...coreOperations, ...authOperations, ...servicesOperations, ...wavesOperations, ...slicesOperations, ...checklistsOperations, ...graphOperations, ...liveOperations, ...reportsOperations];
