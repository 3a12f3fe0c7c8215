import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "./operations";

// Every REST route file under app/api/v1 and every method it exports must be documented in
// the OpenAPI operations, and nothing documented may be missing its route.
function routeMethods(dir = path.resolve("app/api/v1"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The catch-all (app/api/v1/[...rest]) answers 404 for unknown paths; it is no operation.
    if (entry.isDirectory() && entry.name.startsWith("[...")) continue;
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
    const documented = operations.map((o) => `${o.method} ${o.path}`).sort();
    expect(documented).toEqual(routeMethods().sort());
  });

  it("has no duplicates", () => {
    const keys = operations.map((o) => `${o.method} ${o.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
