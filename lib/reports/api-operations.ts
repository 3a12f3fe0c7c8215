/** REST operations of the reports domain, for the OpenAPI document (see lib/api/operations.ts). */
import type { Operation } from "@/lib/api/openapi";
import { weeklyReportQuerySchema, weeklyReportSchema } from "./schemas";
import { WEEK_FORMAT } from "./weeks";

export const reportsOperations: Operation[] = [
  {
    method: "get",
    path: "/programmes/{slug}/reports/weekly",
    summary: `The weekly stakeholder report of one ISO week (week: ${WEEK_FORMAT}; the current week in the programme's time zone by default), as JSON, Markdown, CSV (a row per slice) or an A4 PDF. A past week re-exports byte for byte; a closed week is the report as issued, with its corrections. A week before the programme's first event or after the current week is an empty report (empty says why), not an error; a malformed week or format is 400 INVALID naming the expected format.`,
    tag: "Reports",
    query: weeklyReportQuerySchema,
    responses: {
      200: { description: "The report (format=json), or the file in the format asked for", schema: weeklyReportSchema, contentTypes: ["application/json", "text/markdown", "text/csv", "application/pdf"] },
      400: { description: "The week or the format is not valid" },
    },
  },
];
