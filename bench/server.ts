/** Starts Ferry for a benchmark (`npm start`: Next's standalone server) and waits until it is ready. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type RunningServer = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** Waits until GET url answers 200, or throws after `timeoutMs`. */
export async function waitForReady(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

/** Spawns a command with env and returns a handle that stops it with SIGTERM. */
export function spawnServer(args: string[], env: Record<string, string>, port: number): RunningServer {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** `npm start`'s command line: tsx as a loader in the one process (see package.json). */
export const startScriptArgs = () => ["--import", "tsx", path.resolve("scripts/start.ts")];
