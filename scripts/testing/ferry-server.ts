/**
 * `npm start` (scripts/start.ts) as a child process of a test, in a process group of its own
 * so a test can SIGKILL the whole of it (start script, web server, embedded database)
 * the way a crash or an OOM killer would. Uses the build in NEXT_DIST_DIR (or .next).
 */
import http from "node:http";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

export type FerryServer = {
  base: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait: the clean stop. */
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group, then wait for the primary to be gone. */
  kill: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "../..");

export function launchFerry(port: number, env: Record<string, string>): FerryServer {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    detached: true, // its own process group: kill(-pid) reaches every process it started
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", PORT: String(port), ...env },
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async () => {
      if (alive()) child.kill("SIGTERM");
      await exited;
    },
    kill: async () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // the group is already gone
      }
      await exited;
    },
  };
}

/** Waits until `path` answers 200 (the server exiting first is an error with its output). */
export async function waitFor200(server: FerryServer, urlPath = "/api/ready", timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`Ferry exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      if ((await fetch(server.base + urlPath)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${server.base}${urlPath} was not 200 within ${timeoutMs} ms:\n${server.output()}`);
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number; error?: string };

/**
 * One request over a keep-alive node:http agent (what pipelines use; fetch costs the load
 * generator more CPU than the server). A hang past `timeoutMs` is answered as status 0 with
 * error "timeout", a refused or cut connection as status 0 with the error's code.
 */
export function request(agent: http.Agent, base: string, method: string, urlPath: string, opts: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
  const started = Date.now();
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  return new Promise((resolve) => {
    const req = http.request(base + urlPath, { method, agent, headers: { ...(body ? { "content-type": "application/json" } : {}), ...opts.headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, ms: Date.now() - started }));
      res.on("error", (e) => resolve({ status: 0, headers: {}, body: "", ms: Date.now() - started, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    });
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(Object.assign(new Error("timeout"), { code: "timeout" })));
    req.on("error", (e) => resolve({ status: 0, headers: {}, body: "", ms: Date.now() - started, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(body);
  });
}
