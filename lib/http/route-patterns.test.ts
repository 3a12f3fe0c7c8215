import { describe, expect, it } from "vitest";
import { actionName, manifestFrom, routePattern } from "./route-patterns";

// The shapes Next writes in routes-manifest.json and server/server-reference-manifest.json.
const manifest = manifestFrom(
  {
    staticRoutes: [{ page: "/" }, { page: "/api/health" }, { page: "/api/v1/programmes" }],
    dynamicRoutes: [
      { page: "/api/v1/programmes/[slug]/slices/[id]", regex: "^/api/v1/programmes/([^/]+?)/slices/([^/]+?)(?:/)?$" },
      { page: "/api/v1/[...rest]", regex: "^/api/v1/(.+?)(?:/)?$" },
      { page: "/p/[programme]", regex: "^/p/([^/]+?)(?:/)?$" },
    ],
  },
  { node: { abc123: { exportedName: "moveSliceStageAction" }, def456: {} } },
);

describe("routePattern", () => {
  it("names the route pattern, never the raw path", () => {
    expect(routePattern("/api/v1/programmes/acme/slices/s1", manifest)).toBe("/api/v1/programmes/[slug]/slices/[id]");
    expect(routePattern("/p/acme", manifest)).toBe("/p/[programme]");
    expect(routePattern("/api/health", manifest)).toBe("/api/health");
    expect(routePattern("/api/v1/programmes/", manifest)).toBe("/api/v1/programmes");
  });

  it("matches static routes before dynamic ones, and dynamic ones in Next's order", () => {
    expect(routePattern("/api/v1/programmes", manifest)).toBe("/api/v1/programmes");
    expect(routePattern("/api/v1/whatever/else", manifest)).toBe("/api/v1/[...rest]");
  });

  it("folds what no route serves, static files and unbuilt servers into a few labels", () => {
    expect(routePattern("/favicon-that-is-not-there.png", manifest)).toBe("(other)");
    expect(routePattern("/_next/static/chunks/a1b2.js", manifest)).toBe("/_next/static");
    expect(routePattern("/_next/image", manifest)).toBe("/_next");
    expect(routePattern("/p/acme", null)).toBe("(unknown)");
  });
});

describe("actionName", () => {
  it("names a server action by its export, and anything else unknown", () => {
    expect(actionName("abc123", manifest)).toBe("moveSliceStageAction");
    expect(actionName("def456", manifest)).toBe("unknown");
    expect(actionName("made-up", manifest)).toBe("unknown");
  });
});
