import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operationPath } from "./openapi";
import { operations } from "./operations";

// Every route file under app/api (the REST API and the probes) and every method it exports must be documented in
// the OpenAPI operations, and nothing documented may be missing its route.
function routeMethods(dir = path.resolve("app/api"), prefix = "/api"): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The catch-alls (app/api/[[...rest]], app/api/v1/[...rest]) answer 404 for unknown paths;
    // they are no operations. better-auth's own endpoints (app/api/auth) are its contract, not API.md's.
    if (entry.isDirectory() && (entry.name.startsWith("[...") || entry.name.startsWith("[[...") || (prefix === "/api" && entry.name === "auth"))) continue;
    if (entry.isDirectory()) {
      const segment = entry.name.replace(/^\[(\w+)\]$/, "{$1}");
      found.push(...routeMethods(full, `${prefix}/${segment}`));
    } else if (entry.name === "route.ts") {
      const source = fs.readFileSync(full, "utf8");
      for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PATCH|PUT|DELETE)\b/g)) found.push(`${m[1].toLowerCase()} ${prefix}`);
    }
  }
  return found;
}

describe("OpenAPI operations", () => {
  it("match the route files one to one", () => {
    const documented = operations.map((o) => `${o.method} ${operationPath(o)}`).sort();
    expect(documented).toEqual(routeMethods().sort());
  });

  it("has no duplicates", () => {
    const keys = operations.map((o) => `${o.method} ${operationPath(o)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
