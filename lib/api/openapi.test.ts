import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApi } from "./openapi";
import { operations } from "./operations";

describe("buildOpenApi", () => {
  it("documents every operation with its request schema and the error envelope", () => {
    const doc = buildOpenApi(operations, { version: "test" });
    expect(doc.openapi).toBe("3.1.0");
    const post = doc.paths["/api/v1/programmes"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; additionalProperties: boolean } } } }; responses: Record<string, unknown> };
    const schema = post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["name", "slug", "targetDate"]);
    expect(schema.additionalProperties).toBe(false);
    expect(post.responses.default).toBeDefined();
  });

  it("lists path parameters and query parameters with their optionality", () => {
    const doc = buildOpenApi(
      [{ method: "get", path: "/programmes/{slug}/events", summary: "x", tag: "t", query: z.object({ since: z.string().optional(), limit: z.number() }), responses: { 200: { description: "ok" } } }],
      { version: "t" },
    );
    const op = doc.paths["/api/v1/programmes/{slug}/events"].get as { parameters: { name: string; in: string; required: boolean }[] };
    expect(op.parameters).toEqual([
      expect.objectContaining({ name: "slug", in: "path", required: true }),
      expect.objectContaining({ name: "since", in: "query", required: false }),
      expect.objectContaining({ name: "limit", in: "query", required: true }),
    ]);
  });

  it("documents API.md's operations endpoints at their own paths, with no token required, as the document itself", () => {
    const doc = buildOpenApi(operations, { version: "test" });
    const security = (path: string) => (doc.paths[path].get as { security?: unknown[] }).security;
    // They were missing, and openapi.json inherited the bearer requirement it does not have.
    for (const path of ["/api/health", "/api/ready", "/api/startup", "/api/metrics", "/api/v1/openapi.json"]) expect(security(path), path).toEqual([]);
    expect(security("/api/v1/programmes")).toBeUndefined();
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith("/api/v1/"))).toEqual(["/api/health", "/api/ready", "/api/startup", "/api/metrics"]);
  });
});


describe("the bulk tick's documented refusals", () => {
  const ticks = operations.find((o) => o.path === "/programmes/{slug}/checklist/ticks" && o.method === "post")!;
  it("allow a 400 without details, as a body that is not JSON answers, and with entries named", () => {
    const invalid = ticks.responses[400].schema!;
    expect(invalid.safeParse({ error: { code: "INVALID", message: "The request body is not valid JSON." } }).success).toBe(true);
    expect(invalid.safeParse({ error: { code: "INVALID", message: "x", details: [{ index: 0, path: "ticks.0.state", message: "m" }] } }).success).toBe(true);
    expect(invalid.safeParse({ error: { code: "FORBIDDEN", message: "x" } }).success).toBe(false);
  });
});
