// Builds the app when no build exists or a source file is newer than it: a fresh clone
// always builds, an unchanged tree never rebuilds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  if (p.endsWith(`${path.sep}generated`)) return 0;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Returns true when the build is usable (already fresh, or rebuilt successfully). */
export function buildIfStale() {
  const buildId = path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((p) => newestMtime(path.resolve(p))));
  if (builtAt > newest) return true;
  // Built without DATABASE_URL, as on a fresh clone's `npm start`: the build must never need a
  // database (a module that touches one at import time fails here, not on a newcomer's machine).
  const { DATABASE_URL: _unused, ...env } = process.env;
  const result = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status === 0;
}
