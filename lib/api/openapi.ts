/**
 * Builds the OpenAPI 3.1 document from the same zod schemas that validate requests, so the
 * documentation cannot drift from the behaviour.
 */
import { z } from "zod";

export type Operation = {
  method: "get" | "post" | "patch" | "put" | "delete";
  /** OpenAPI path under `base`, with {params}. */
  path: string;
  /** Where `path` is: /api/v1 (the REST API, behind a token), or /api for the probes and the scrape. */
  base?: "/api";
  /** Answered without a token (the probes, the scrape, this document): no security requirement. */
  public?: true;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Raw bodies (files) instead of JSON: content type -> description. */
  rawBody?: Record<string, string>;
  responses: Record<number, { description: string; schema?: z.ZodType; contentTypes?: string[] }>;
};

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID", "CONFLICT", "GATE_BLOCKED", "PAYLOAD_TOO_LARGE", "METHOD_NOT_ALLOWED", "RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/** An operation's path as a client sends it: "/api/v1/programmes", "/api/health". */
export const operationPath = (op: Pick<Operation, "base" | "path">): string => `${op.base ?? "/api/v1"}${op.path}`;

/** The OpenAPI document for the given operations. */
export function buildOpenApi(operations: Operation[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const queryParams = op.query
      ? Object.entries(op.query.shape).map(([name, schema]) => ({
          name,
          in: "query",
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(schema as z.ZodType, "input"),
        }))
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const types = r.contentTypes ?? (r.schema ? ["application/json"] : []);
      responses[status] = {
        description: r.description,
        ...(types.length ? { content: Object.fromEntries(types.map((t) => [t, t === "application/json" && r.schema ? { schema: jsonSchema(r.schema, "output") } : {}])) } : {}),
      };
    }
    responses.default = { description: "Error", content: { "application/json": { schema: jsonSchema(errorEnvelopeSchema, "output") } } };
    const full = operationPath(op);
    paths[full] ??= {};
    paths[full][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.public ? { security: [] } : {}),
      parameters: [...pathParams, ...queryParams],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      ...(op.rawBody ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(op.rawBody).map(([t, d]) => [t, { schema: { type: "string", description: d } }])) } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Ferry API", version: info.version, description: "Automation contract for Ferry: inventory, planning, slices, reports." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal or service-account token, or FERRY_ADMIN_TOKEN" } } },
    paths,
  };
}
