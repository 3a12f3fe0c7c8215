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
    public: true,
    responses: { 200: { description: "OpenAPI 3.1 document", contentTypes: ["application/json"] } },
  },
];

const probe = (path: string, summary: string, responses: Operation["responses"]): Operation => ({ method: "get", base: "/api", path, summary, tag: "Operations", public: true, responses });
const status = (value: string) => z.object({ status: z.literal(value) });

// API.md's "Operations (no auth)": Kubernetes' probes and Prometheus' scrape (ADR 0029).
const operationsOperations: Operation[] = [
  probe("/health", "Liveness: the process answers (no dependencies)", { 200: { description: "Alive", schema: status("ok") } }),
  probe("/ready", "Readiness: the database answers and every migration is applied; 503 while draining on SIGTERM", {
    200: { description: "Ready", schema: status("ready") },
    503: { description: "Not ready: the database, a pending migration, or shutting down", schema: z.object({ status: z.literal("unavailable"), reason: z.string() }) },
  }),
  probe("/startup", "Startup: the server has finished starting", {
    200: { description: "Started", schema: status("started") },
    503: { description: "Still starting", schema: status("starting") },
  }),
  probe("/metrics", "Prometheus metrics of this replica: totals for anyone, per-programme series with `Authorization: Bearer $FERRY_METRICS_TOKEN`", {
    200: { description: "Prometheus text format", contentTypes: ["text/plain"] },
  }),
];

/** Every operation, domain by domain; each domain keeps its own list beside its schemas. */
export const operations: Operation[] = [...coreOperations, ...operationsOperations, ...authOperations, ...servicesOperations, ...wavesOperations, ...slicesOperations, ...checklistsOperations, ...graphOperations, ...liveOperations, ...reportsOperations];
