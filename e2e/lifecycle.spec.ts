import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { test, expect } from "./fixtures";

// Servers of this spec's own, beside the one the suite shares: an embedded one that is
// stopped and started again, and one whose database is unreachable.
const TOKEN = "lifecycle-admin-token-0123456789";
const PORT_BASE = Number(process.env.E2E_PORT ?? 3100) + 50;

function launch(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function waitReady(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 600) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

const startScript = ["--import", "tsx", path.resolve("scripts/start.ts")];

test("SIGTERM stops the embedded server cleanly and nothing written is lost", async ({ request }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-lifecycle-"));
  const port = PORT_BASE;
  const base = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: "", FERRY_DATA_DIR: dataDir, PORT: String(port), FERRY_ADMIN_TOKEN: TOKEN, FERRY_SEED_DEMO: "false" };
  const first = launch(startScript, env);
  await waitReady(`${base}/api/health`, first.child);
  const slug = `kept-${Date.now()}`;
  const created = await request.post(`${base}/api/v1/programmes`, { headers: { Authorization: `Bearer ${TOKEN}` }, data: { name: "Kept across restarts", slug } });
  expect(created.status()).toBe(201);

  // A second start on the same data directory is refused while the first runs.
  const second = launch(startScript, { ...env, PORT: String(port + 1) });
  await new Promise((r) => second.child.once("exit", r));
  expect(second.child.exitCode).toBe(1);
  expect(second.output()).toContain("in use by another Ferry process");

  first.child.kill("SIGTERM");
  await new Promise((r) => first.child.once("exit", r));
  expect(first.child.exitCode).toBe(0);
  expect(first.output()).toContain("stopped cleanly");

  const again = launch(startScript, env);
  try {
    await waitReady(`${base}/api/health`, again.child);
    const list = await request.get(`${base}/api/v1/programmes`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect((await list.json()).map((p: { slug: string }) => p.slug)).toContain(slug);
  } finally {
    again.child.kill("SIGTERM");
    await new Promise((r) => again.child.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("with the database unreachable, pages show a friendly error with a reference and readiness is 503", async ({ page, request }) => {
  test.setTimeout(60_000);
  const port = PORT_BASE + 5;
  const base = `http://127.0.0.1:${port}`;
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const server = launch([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", BETTER_AUTH_SECRET: "lifecycle-secret-lifecycle-secret-0123" });
  try {
    await waitReady(`${base}/api/health`, server.child);
    expect((await request.get(`${base}/api/ready`)).status()).toBe(503);
    // The proxy answers pages itself while the database is down: a 503 with Retry-After.
    const answer = await page.goto(`${base}/sign-in`);
    expect(answer?.status()).toBe(503);
    expect(answer?.headers()["retry-after"]).toBeTruthy();
    await expect(page.getByRole("heading", { name: "Ferry is briefly unavailable" })).toBeVisible();
    await expect(page.getByText(/^Reference: [0-9a-f-]{36}/)).toBeVisible();
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/at \S+ \(|Error:|prisma/i);
  } finally {
    server.child.kill("SIGTERM");
    await new Promise((r) => server.child.once("exit", r));
  }
});
