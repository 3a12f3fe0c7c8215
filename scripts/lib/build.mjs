// Builds the app when no build exists or a source file is newer than it: a fresh clone
// always builds, an unchanged tree never rebuilds. A build is Next's standalone output
// (next.config.ts) completed with the files Next leaves for the deployer to copy.
// `npm run build` runs this file: node scripts/lib/build.mjs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SOURCES = ["app", "components", "lib", "public", "prisma/migrations", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

const distDir = () => path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
// Where the standalone folder keeps the build's own files: the dist dir's path from the project.
const innerDistDir = () => path.join(standaloneServer().dir, path.relative(path.resolve("."), distDir()));

/**
 * The standalone server of the build in NEXT_DIST_DIR. Next writes the folder to
 * `<distDir>/standalone`, with the build's own files under the same dist dir name inside it
 * (`.next-x/standalone/.next-x/`), and server.js at its top (next.config.ts traces from the
 * project folder).
 */
export function standaloneServer() {
  const dir = path.join(distDir(), "standalone");
  return { dir, serverJs: path.join(dir, "server.js") };
}

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  if (p.endsWith(`${path.sep}generated`)) return 0;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** True when the build in NEXT_DIST_DIR exists and its standalone server is complete. */
export function hasBuild() {
  const { serverJs } = standaloneServer();
  return fs.existsSync(path.join(distDir(), "BUILD_ID")) && fs.existsSync(serverJs) && fs.existsSync(path.join(innerDistDir(), "static"));
}

/**
 * `next build`, then what Next's docs ask of whoever deploys standalone output: the client
 * assets (`<distDir>/static`) and `public/` copied beside server.js, which serves them from there.
 * Returns true when both succeeded.
 */
export function build() {
  // Built without DATABASE_URL, as on a fresh clone's `npm start`: the build must never need a
  // database (a module that touches one at import time fails here, not on a newcomer's machine).
  const { DATABASE_URL: _unused, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) return false;
  const { dir } = standaloneServer();
  fs.cpSync(path.join(distDir(), "static"), path.join(innerDistDir(), "static"), { recursive: true });
  if (fs.existsSync("public")) fs.cpSync("public", path.join(dir, "public"), { recursive: true });
  return true;
}

/** Returns true when the build is usable (already fresh, or rebuilt successfully). */
export function buildIfStale() {
  const buildId = path.join(distDir(), "BUILD_ID");
  const builtAt = hasBuild() ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((p) => newestMtime(path.resolve(p))));
  if (builtAt > newest) return true;
  return build();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exit(build() ? 0 : 1);
