import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_MUTATIONS, ROUTE_MUTATIONS } from "./surfaces";
import { MATRIX } from "./table";

// A route or server action that changes data must go through a mutation the authorization
// matrix covers; one added without an entry fails here.
function files(dir: string, match: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : files(full, match);
    return match(full) ? [full] : [];
  });
}

const routes = files(path.resolve("app"), (f) => f.endsWith("route.ts")).flatMap((file) => {
  const source = fs.readFileSync(file, "utf8");
  const route = path.dirname(path.relative(path.resolve("app"), file)).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
  return [...source.matchAll(/export\s+(?:const|async function|function)\s+(POST|PATCH|PUT|DELETE)\b/g)].map((m) => ({ key: `${m[1].toLowerCase()} /${route.join("/")}`, source }));
});

// One server (STYLE.md): every request reaches a route through Next, so proxy.ts, the route
// helper and the matrix above see it. No production module may answer HTTP on its own.
const productionSources = [...files(path.resolve("app"), (f) => /\.tsx?$/.test(f)), ...files(path.resolve("lib"), (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes(`${path.sep}testing${path.sep}`))].map((file) => ({
  file,
  source: fs.readFileSync(file, "utf8"),
}));

const actions = [...files(path.resolve("lib"), (f) => /\.tsx?$/.test(f)), ...files(path.resolve("app"), (f) => /\.tsx?$/.test(f))]
  .map((file) => ({ file, source: fs.readFileSync(file, "utf8") }))
  .filter(({ source }) => /^\s*["']use server["'];/m.test(source.split("\n").slice(0, 3).join("\n")))
  .flatMap(({ source }) => [...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map((m) => ({ name: m[1], source })));

describe("mutating surfaces", () => {
  it("every mutating route handler is mapped to matrix-covered mutations it calls", () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(ROUTE_MUTATIONS).sort());
    for (const r of routes) {
      for (const m of ROUTE_MUTATIONS[r.key]) {
        expect(MATRIX[m], `${r.key} -> ${m} has a matrix entry`).toBeDefined();
        expect(r.source, `${r.key} calls ${m}`).toContain(m);
      }
    }
  });

  it("no production module serves HTTP outside Next (no second server, no direct routes)", () => {
    const serving = productionSources.filter(({ source }) => /\bhttps?\.createServer\b|import\s*\{[^}]*\bcreateServer\b[^}]*\}\s*from\s*"node:https?"|registerDirectRoute|ferryServeDirect/.test(source)).map((s) => s.file);
    expect(serving).toEqual([]);
  });

  it("every server action is mapped to matrix-covered mutations it calls", () => {
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(ACTION_MUTATIONS).sort());
    for (const a of actions) {
      for (const m of ACTION_MUTATIONS[a.name] ?? []) {
        expect(MATRIX[m], `${a.name} -> ${m} has a matrix entry`).toBeDefined();
        expect(a.source, `${a.name}'s file calls ${m}`).toContain(m);
      }
    }
  });
});

// Use case files are listed by hand in MUTATION_MODULES (no barrels); every file under a
// domain's mutations/ is either listed there or one of these helpers, so a new use case
// cannot escape the matrix by being left off the list.
const MUTATION_HELPERS = new Set([
  "auth/mutations/shared.ts",
  // Authorised by the one-time setup code, not by a role: lib/auth/setup.int.test.ts.
  "auth/mutations/create-first-administrator.ts",
  // Authorised by the sign-in link's token, not by a role: lib/auth/sign-in-links.int.test.ts.
  "auth/mutations/accept-sign-in-link.ts",
  "auth/mutations/sign-in-link-shared.ts",
  "checklists/mutations/apply-ticks.ts",
  "checklists/mutations/lock-tick-targets.ts",
  "checklists/mutations/new-slice-items.ts",
  "checklists/mutations/slice-status-sync.ts",
  "dependencies/mutations/shared.ts",
  "inventory/mutations/apply-ferry.ts",
  "inventory/mutations/restore-history.ts",
  "inventory/mutations/shared.ts",
  "inventory/mutations/write-inventory.ts",
  "services/mutations/bulk-edit-core.ts",
  "services/mutations/shared.ts",
  "slices/mutations/shared.ts",
  "slices/mutations/editor-shared.ts",
  "teams/mutations/shared.ts",
  "waves/mutations/shared.ts",
]);

describe("mutation modules", () => {
  it("lists every use case file under lib/*/mutations in the matrix's modules", () => {
    const table = fs.readFileSync(path.resolve("lib/auth/matrix/table.ts"), "utf8");
    const listed = new Set([...table.matchAll(/import\("@\/lib\/([\w/-]+)"\)/g)].map((m) => `${m[1]}.ts`));
    const useCases = files(path.resolve("lib"), (f) => /[/\\]mutations[/\\][\w-]+\.ts$/.test(f) && !/\.test\.ts$/.test(f))
      .map((f) => path.relative(path.resolve("lib"), f).split(path.sep).join("/"))
      .filter((f) => !MUTATION_HELPERS.has(f));
    expect(useCases.filter((f) => !listed.has(f))).toEqual([]);
    expect([...MUTATION_HELPERS].filter((f) => !fs.existsSync(path.resolve("lib", f)))).toEqual([]);
  });
});
