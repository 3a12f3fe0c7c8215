import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import boundaries of eslint.config.mjs, proven to fire: each case lints a small source
// as if it stood at the given path, with the project's own configuration. A boundary that
// stopped matching (a renamed folder, a rule overridden by a later block) fails here.
let eslint: ESLint;
let PURE_RULE_FILES: string[];
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // By path: the config is plain JavaScript, with no types for the compiler to check it against.
  ({ PURE_RULE_FILES } = (await import(path.resolve("eslint.config.mjs"))) as { PURE_RULE_FILES: string[] });
});

/** The boundary messages ESLint gives `source` placed at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("lint boundaries", () => {
  it.each([
    ["lib/inventory/anything.ts", 'import { x } from "@/bench/measure";'],
    ["lib/inventory/anything.ts", 'import { x } from "../../scripts/lib/build.mjs";'],
    ["lib/slices/anything.int.test.ts", 'import { x } from "@/e2e/fixtures";'],
    ["app/p/[programme]/page.tsx", 'import { x } from "@/scripts/start";'],
    ["components/ui/anything.tsx", 'import { x } from "../../e2e/support/oidc-provider";'],
  ])("application code imports nothing from bench/, scripts/ or e2e/: %s %s", async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([expect.stringContaining("nothing from bench/, scripts/ or e2e/")]);
  });

  it.each([
    ["lib/inventory/anything.ts", 'import { x } from "@/lib/seed/bulk";'],
    ["lib/inventory/anything.ts", 'import { x } from "../seed/factories";'],
    ["lib/anything.ts", 'import { x } from "./seed";'],
    ["lib/services/mutations/anything.ts", 'import { x } from "@/lib/seed";'],
    ["app/p/[programme]/services/export/route.ts", 'import { x } from "@/lib/seed/factories";'],
    ["components/services/anything.tsx", 'import { x } from "@/lib/seed/demo-data";'],
  ])("production code never imports the seed: %s %s", async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([expect.stringContaining("never imports lib/seed")]);
  });

  it.each([
    ["lib/inventory/anything.int.test.ts", 'import { x } from "@/lib/seed/factories";'],
    ["lib/planning/plan.rules.test.ts", 'import { x } from "@/lib/seed/large-estate";'],
    ["lib/waves/test-helpers.ts", 'import { x } from "@/lib/seed";'],
    ["lib/auth/matrix/fixture.ts", 'import { x } from "@/lib/seed/factories";'],
    ["lib/testing/db.ts", 'import { x } from "@/lib/seed";'],
    ["lib/seed/demo.ts", 'import { x } from "./factories";'],
  ])("tests, their helpers and the seed itself may use the seed: %s %s", async (file, source) => {
    // A unit test of a pure rule is held to the pure rules, not to the seed's.
    expect((await boundaryErrors(file, source)).filter((m) => m.includes("lib/seed"))).toEqual([]);
  });

  it.each([
    ["lib/planning/plan.ts", 'import { NextResponse } from "next/server";'],
    ["lib/planning/plan.ts", 'import { redirect } from "next/navigation";'],
    ["lib/rollouts/argo.ts", 'import { PrismaClient } from "@prisma/client";'],
    ["lib/slices/stage-machine.ts", 'import { db } from "@/lib/db";'],
    ["lib/slices/stage-machine.ts", 'import { isDatabaseUnavailable } from "@/lib/db/errors";'],
    ["lib/waves/move-check.ts", 'import type { Prisma } from "@/lib/generated/prisma/client";'],
    ["lib/services/schemas.ts", 'import { ServiceKind } from "@/lib/generated/prisma/enums";'],
    ["lib/inventory/diff.ts", 'import { db } from "../db";'],
    ["lib/planning/graph.test.ts", 'import { openTestDatabase } from "@/lib/testing/db";'],
  ])("pure rule files import no framework, database client or generated code: %s %s", async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([expect.stringMatching(/^'.*' import is restricted .*A pure rule file/)]);
  });

  it("pure rule files may name the schema's enums as types", async () => {
    expect(await boundaryErrors("lib/slices/stage-machine.ts", 'import type { Role, SliceStatus } from "@/lib/generated/prisma/enums";')).toEqual([]);
    expect(await boundaryErrors("lib/slices/stage-machine.ts", 'import { type Role } from "@/lib/generated/prisma/enums";')).toEqual([]);
  });

  it("code outside the pure rule files may use the database and the framework", async () => {
    const source = 'import { db } from "@/lib/db";\nimport { NextResponse } from "next/server";\nimport type { Prisma } from "@/lib/generated/prisma/client";';
    expect(await boundaryErrors("lib/slices/queries.ts", source)).toEqual([]);
    expect(await boundaryErrors("lib/validation/search.int.test.ts", 'import { openTestDatabase } from "@/lib/testing/db";')).toEqual([]);
  });

  it("every entry of PURE_RULE_FILES names files that exist, so a renamed file is not silently let off", () => {
    const files = (fs.readdirSync("lib", { recursive: true }) as string[]).map((f) => path.posix.join("lib", f.split(path.sep).join("/")));
    for (const pattern of PURE_RULE_FILES) {
      for (const alternative of expand(pattern)) expect(files.filter((f) => path.matchesGlob(f, alternative)), alternative).not.toEqual([]);
    }
  });
});

/** A pattern's `{a,b}` alternatives, each on its own, so every one must match something. */
function expand(pattern: string): string[] {
  const m = /\{([^}]*)\}/.exec(pattern);
  return m ? m[1].split(",").map((alt) => pattern.replace(m[0], alt)) : [pattern];
}
