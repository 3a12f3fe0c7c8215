import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { adminQuery, withDatabase } from "@/lib/testing/global-setup";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/db";

// What the image runs, without the image (no base image can be pulled here): the build's
// standalone folder copied out of the project, completed by deploy/image/assemble.mjs as the
// Dockerfile does, then its two commands run from there with only their own files.
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
let dir: string;
let t: TestDatabase;

beforeAll(() => {
  const standalone = path.join(distDir, "standalone");
  if (!fs.existsSync(path.join(standalone, "server.js"))) throw new Error(`No production build in ${distDir}: build first.`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-image-"));
  fs.cpSync(standalone, dir, { recursive: true, verbatimSymlinks: true });
  const assembled = spawnSync(process.execPath, [path.resolve("deploy/image/assemble.mjs"), dir], { encoding: "utf8" });
  expect(assembled.status, assembled.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a command of the folder to its end, with only the environment given (and PATH). */
function runInImage(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
}

describe("the image's folder", () => {
  it("holds no source, test or secret of the project", () => {
    for (const name of ["e2e", "bench", "docs", ".env", ".data", ".git", "node_modules/.cache"]) expect(fs.existsSync(path.join(dir, name)), name).toBe(false);
    expect(fs.existsSync(path.join(dir, "prisma", "migrations"))).toBe(true);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("migrates an empty database with `node migrate.mjs`, then finds nothing to do", async () => {
    const name = `ferry_image_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
    await adminQuery(process.env.DATABASE_URL!, `CREATE DATABASE "${name}"`);
    try {
      const url = withDatabase(process.env.DATABASE_URL!, name);
      const first = runInImage(["migrate.mjs"], { DATABASE_URL: url });
      expect(first.status, first.stdout + first.stderr).toBe(0);
      const lines = first.stdout.trim().split("\n").map((l) => JSON.parse(l) as { level: string; msg: string });
      expect(lines.at(-1)!.msg).toMatch(/^applied \d+ migration\(s\)$/);
      const again = runInImage(["migrate.mjs"], { DATABASE_URL: url });
      expect(JSON.parse(again.stdout.trim().split("\n").at(-1)!).msg).toBe("database is up to date");
      expect(runInImage(["migrate.mjs"], {}).status).toBe(1);
    } finally {
      await adminQuery(process.env.DATABASE_URL!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it("serves with `node serve.mjs` on every interface, whatever HOSTNAME says, and stops on SIGTERM with 0", async () => {
    t = await openTestDatabase();
    const port = await freePort();
    // As Kubernetes would: HOSTNAME is the pod's name.
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOSTNAME: "ferry-7d9f8-abcde", PORT: String(port), DATABASE_URL: t.url, BETTER_AUTH_SECRET: "image-test-secret-0123456789abcdef" };
    if (!process.env.DATABASE_URL) env.FERRY_DB_POOL = "1";
    const child: ChildProcess = spawn(process.execPath, ["serve.mjs"], { cwd: dir, env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const get = (p: string) => fetch(`http://127.0.0.1:${port}${p}`).then((r) => r.status, () => 0);
      for (const until = Date.now() + 60_000; Date.now() < until && (await get("/api/health")) !== 200; ) await new Promise((r) => setTimeout(r, 200));
      expect(await get("/api/health"), output).toBe(200);
      expect(await get("/api/startup")).toBe(200);
      expect(await get("/api/ready")).toBe(200);
      expect(await get("/sign-in")).toBe(200);
      // The client's files, copied beside server.js by the build.
      const page = await (await fetch(`http://127.0.0.1:${port}/sign-in`)).text();
      const asset = /\/_next\/static\/[^"']+\.js/.exec(page)![0];
      expect(await get(asset)).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
  }, 120_000);
});
