/**
 * The production build served as production serves it, Next's standalone `server.js`, on a
 * free port against a test database: for tests of what only the real server does (the proxy's
 * body cloning, HTTP framing). The build is the one in NEXT_DIST_DIR (`.next` by default); a
 * missing build fails the test file rather than skipping it, so a suite without a build cannot
 * pass by testing nothing.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

export type BuiltServer = { port: number; url: string; output: () => string; stop: () => Promise<void>; child: ChildProcess; exited: Promise<number | null> };

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the standalone server with `env` added; resolves once /api/health answers. */
export async function startBuiltServer(env: Record<string, string>): Promise<BuiltServer> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  // Where scripts/lib/build.mjs leaves it (next.config.ts traces from the project folder).
  const serverJs = path.join(distDir, "standalone", "server.js");
  if (!fs.existsSync(path.join(distDir, "BUILD_ID")) || !fs.existsSync(serverJs)) throw new Error(`No production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} node scripts/test.mjs e2e\` (which builds) or \`npm start\` first.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.resolve(serverJs)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FERRY_BASE_URL: url, PORT: String(port), HOSTNAME: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  for (const started = Date.now(); Date.now() - started < 60_000; ) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) return { port, url, output: () => output, stop, child, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within 60 s:\n${output}`);
}
