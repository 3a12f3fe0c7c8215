import { describe, expect, it } from "vitest";
import { operationPath } from "./openapi";
import { operations } from "./operations";
import { allowedMethods, API_ROUTE_METHODS, hasDotSegment, hasMalformedEscape } from "./route-methods";

describe("API route methods (proxy.ts's 405 table)", () => {
  it("lists exactly the OpenAPI operations' methods, the probes' included", () => {
    const documented = operations.map((o) => `${o.method.toUpperCase()} ${operationPath(o)}`).sort();
    const table = API_ROUTE_METHODS.flatMap(([p, methods]) => methods.map((m) => `${m} ${p}`)).sort();
    expect(table).toEqual(documented);
  });

  it.each([
    ["/api/v1/tokens", ["OPTIONS", "POST"]],
    ["/api/v1/programmes", ["GET", "HEAD", "OPTIONS", "POST"]],
    ["/api/v1/programmes/demo/slices/s1/checklist/i1", ["OPTIONS", "PATCH"]],
    ["/api/v1/programmes/demo/services/", ["GET", "HEAD", "OPTIONS"]],
    ["/api/metrics", ["GET", "HEAD", "OPTIONS"]],
  ])("allows on %s: %j", (path, allow) => {
    expect(allowedMethods(path)).toEqual(allow);
  });

  it("knows no method list for paths no route has (the catch-all 404 answers those)", () => {
    expect(allowedMethods("/api/v1/nope")).toBeNull();
    expect(allowedMethods("/api/v1/programmes/demo/nope")).toBeNull();
    expect(allowedMethods("/api/v1/programmes/a/b/services")).toBeNull();
    expect(allowedMethods("/api/v1/openapiXjson")).toBeNull();
  });
});

describe("hasMalformedEscape", () => {
  it.each(["/api/v1/programmes/%E0%A4%A/services", "/p/%/services", "/%ZZ", "/p/demo/%C0%80", "/a/%"])("refuses %s", (path) => {
    expect(hasMalformedEscape(path)).toBe(true);
  });
  it.each(["/", "/p/demo/services", "/p/d%C3%A9mo", "/api/v1/programmes/a%20b", "/p/%25"])("accepts %s", (path) => {
    expect(hasMalformedEscape(path)).toBe(false);
  });
});

describe("hasDotSegment", () => {
  it.each(["/api/%2e%2e/programmes", "/api/v1/%2E/tokens", "/api/v1/programmes/..", "/api/./v1", "/api/v1/.%2e/x"])("finds one in %s", (path) => {
    expect(hasDotSegment(path)).toBe(true);
  });
  it.each(["/api/v1/programmes", "/api/v1/openapi.json", "/api/v1/programmes/a..b", "/api/v1/programmes/...", "/api/v1/programmes/%2e%2e%2e"])("finds none in %s", (path) => {
    expect(hasDotSegment(path)).toBe(false);
  });
});
