import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The schema engine patches pg and adapter-pg for the whole process that loads it: only the
// authoring command and tests may. A process that serves requests or deploys must not.
const allowed = (file: string) => file.startsWith("lib/db/dev/") || file === "scripts/migrate.ts" || /\.test\.ts$/.test(file);
const enginePatterns = [/db\/dev\//, /@prisma\/schema-engine-wasm/, /pg\/lib\/result/, /PRISMA_WASM_PANIC_REGISTRY/];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(file);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [file] : [];
  });
}

describe("the schema engine stays out of production code", () => {
  it("is imported only by the authoring command and tests", () => {
    const files = [...["app", "lib", "components", "scripts", "bench"].flatMap(sourceFiles), "proxy.ts", "instrumentation.ts", "next.config.ts"].filter(
      (f) => fs.existsSync(f) && !allowed(f),
    );
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return enginePatterns.some((p) => p.test(text));
    });
    expect(offenders).toEqual([]);
  });
});
