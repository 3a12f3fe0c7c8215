// Completes a standalone build into what the image runs (the Dockerfile calls this, and the
// standalone test does the same to a copy): the migration command bundled as migrate.mjs and
// the server command serve.mjs, beside server.js.
//   node deploy/image/assemble.mjs <standalone folder>
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.resolve(process.argv[2] ?? ".next/standalone");
if (!fs.existsSync(path.join(target, "server.js"))) {
  console.error(`${target} has no server.js: build first (node scripts/lib/build.mjs).`);
  process.exit(1);
}
const esbuild = path.resolve(here, "../../node_modules/.bin/esbuild");
const bundle = spawnSync(
  esbuild,
  [
    path.join(here, "migrate.ts"),
    "--bundle",
    "--platform=node",
    "--format=esm",
    "--target=node20",
    // pg is CommonJS and requires Node's modules: give the ESM bundle a require.
    "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    `--outfile=${path.join(target, "migrate.mjs")}`,
    "--log-level=warning",
  ],
  { stdio: "inherit" },
);
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
fs.copyFileSync(path.join(here, "serve.mjs"), path.join(target, "serve.mjs"));
console.log(`assembled ${path.relative(process.cwd(), target) || "."}: serve.mjs, migrate.mjs`);
