/** REST operations of this domain, for the OpenAPI document (see lib/api/operations.ts). */
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { MAX_IMPORT_BYTES } from "@/lib/inventory/limits";
import { importQuerySchema, importReportSchema } from "@/lib/inventory/schemas";
import { FERRY_JSON_VERSION } from "@/lib/inventory/ferry-json-schema";
import { apiServiceSchema } from "./schemas";

export const servicesOperations: Operation[] = [
  {
    method: "get",
    path: "/programmes/{slug}/services",
    summary: "Every service of the programme, by name, with what it depends on, its slice and its wave",
    tag: "Inventory",
    responses: { 200: { description: "Services sorted by name", schema: z.array(apiServiceSchema) } },
  },
  {
    method: "post",
    path: "/programmes/{slug}/import",
    summary: `Import a Backstage catalog, a services CSV or a Ferry JSON backup (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; larger bodies get 413 before parsing). Upsert by name; nothing is deleted unless removeMissing=1. Any row error is 400 INVALID with details [{ line, message }] and nothing written.`,
    tag: "Inventory",
    query: importQuerySchema,
    rawBody: {
      "application/yaml": "A Backstage catalog: one or many YAML documents (format=backstage)",
      "text/csv": "Services CSV with the documented columns (format=csv)",
      "application/json": "A Ferry JSON backup (format=ferry)",
    },
    responses: {
      200: { description: "What the import did (dryRun=1: what it would do; nothing is written)", schema: importReportSchema },
      413: { description: "The body is larger than the import limit" },
    },
  },
  {
    method: "get",
    path: "/programmes/{slug}/export",
    summary: "The whole programme as canonical Ferry JSON: importing it into an empty programme and exporting again gives the same bytes",
    tag: "Inventory",
    responses: { 200: { description: `Ferry JSON document (format ferry, version ${FERRY_JSON_VERSION})`, contentTypes: ["application/json"] } },
  },
];
