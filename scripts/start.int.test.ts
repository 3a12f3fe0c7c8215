import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";

// As `npm start` runs it: tsx as a loader in the one process (see package.json).
const startArgs = ["--import", "tsx", "scripts/start.ts"];

// `npm start` fails early and in one line when it cannot work; these cases stop before any
// build or database is needed.
const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, startArgs, {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm start", () => {
  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/ferry" }, "DATABASE_URL"],
    [{ FERRY_ADMIN_TOKEN: "short" }, "FERRY_ADMIN_TOKEN"],
  ])("names a malformed variable in one line: %o", (env, name) => {
    const r = start(env);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
  });

  it("says so when the port is already in use", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = start({ PORT: String(port), HOSTNAME: "127.0.0.1" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`port ${port} is already in use`);
    } finally {
      server.close();
    }
  });
});

/** Every process below `pid`, with its command line (Linux /proc). */
function descendants(pid: number): { pid: number; cmd: string }[] {
  const all = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return [{ pid: Number(d), ppid, cmd: fs.readFileSync(`/proc/${d}/cmdline`, "utf8").replaceAll("\0", " ") }];
      } catch {
        return []; // exited meanwhile
      }
    });
  const below = (p: number): { pid: number; cmd: string }[] => all.filter((x) => x.ppid === p).flatMap((x) => [{ pid: x.pid, cmd: x.cmd }, ...below(x.pid)]);
  return below(pid);
}

// Next's server names its process (process.title), which replaces its command line.
const isNextServer = (cmd: string) => cmd.startsWith("next-server");

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// The production build (the integration suite builds first) served by `npm start` on the
// test database: Next's standalone server, one process, stopped by SIGTERM.
describe("npm start serving", () => {
  const TOKEN = "start-test-admin-token-0123456789";
  let t: TestDatabase;
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  // A test that failed half-way must not leave a server running.
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const servers = descendants(child.pid!);
      child.kill("SIGKILL");
      for (const p of servers) if (alive(p.pid)) process.kill(p.pid, "SIGKILL");
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function serve(): Promise<{ child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> }> {
    const port = await freePort();
    // The suite's embedded database is one session: one connection, as npm start gives its own.
    const embedded = new URL(t.url).searchParams.has("application_name") ? { FERRY_DB_POOL: "1" } : {};
    const child = spawn(process.execPath, startArgs, {
      env: { ...process.env, DATABASE_URL: t.url, PORT: String(port), HOSTNAME: "127.0.0.1", FERRY_ADMIN_TOKEN: TOKEN, FERRY_SEED_DEMO: "false", BETTER_AUTH_SECRET: "start-test-secret-start-test-secret-0123", ...embedded },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(child);
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    for (let i = 0; i < 600 && !output.includes("serving on"); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Logged once /api/health answers: instrumentation (the early guard) has run.
    expect(output, output).toContain("serving on");
    return { child, port, output: () => output, exited };
  }

  it("runs one Next server process, and SIGTERM lets a request in flight finish before everything stops", async () => {
    const { child, port, output, exited } = await serve();
    const servers = descendants(child.pid!).filter((p) => isNextServer(p.cmd));
    expect(servers).toHaveLength(1);
    expect(descendants(servers[0].pid)).toEqual([]);

    // A write whose body is still arriving when the stop comes.
    const slug = uniqueSlug("drained");
    const body = JSON.stringify({ name: "Drained", slug });
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => (answer += d));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(`POST /api/v1/programmes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 8)}`);
    await new Promise((r) => setTimeout(r, 300));
    // A client that keeps one keep-alive connection busy through the stop, as a pipeline or a
    // load balancer's pooled connection does: Node alone would serve it for as long as it
    // sends, and the server would never exit.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const health = () =>
      new Promise<string>((resolve) => {
        const r = http.get(`http://127.0.0.1:${port}/api/health`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(`answered, connection: ${res.headers.connection}`));
        });
        r.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
    await health();
    child.kill("SIGTERM");
    // Stopping: soon no request is taken, on a new connection or the busy one...
    const seen: string[] = [];
    for (const until = Date.now() + 15_000; Date.now() < until && seen.at(-1) !== "ECONNREFUSED"; ) seen.push(await health());
    agent.destroy();
    expect(seen.at(-1), `${seen.slice(-5).join(" / ")}\n${output()}`).toBe("ECONNREFUSED");
    // ...but the request in flight is answered, and its write is kept.
    socket.write(body.slice(8));
    await closed;
    expect(answer).toMatch(/^HTTP\/1.1 201 /);
    // Its connection, busy when the stop came, ends with this answer (Node would keep it open
    // for the client's next request, and the server would wait on it).
    expect(answer.slice(0, answer.indexOf("\r\n\r\n")), answer).toMatch(/\r\nconnection: close(\r\n|$)/i);
    expect(await exited).toBe(0);
    expect(output()).toContain("stopped cleanly");
    expect(alive(servers[0].pid)).toBe(false);
    expect(await t.db.programme.count({ where: { slug } })).toBe(1);
  }, 120_000);

  it("exits 1, saying so, when the web server exits by itself", async () => {
    const { child, output, exited } = await serve();
    const [server] = descendants(child.pid!).filter((p) => isNextServer(p.cmd));
    process.kill(server.pid, "SIGKILL");
    expect(await exited).toBe(1);
    expect(output()).toContain("the web server exited (SIGKILL)");
    expect(output()).toContain("stopped cleanly");
  }, 120_000);

  it("refuses to start, in one line, when an applied migration was changed since", async () => {
    const [{ name, checksum }] = await t.db.$queryRaw<{ name: string; checksum: string }[]>`SELECT migration_name AS name, checksum FROM _prisma_migrations ORDER BY migration_name LIMIT 1`;
    await t.db.$executeRaw`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = ${name}`;
    try {
      const port = await freePort();
      const r = start({ DATABASE_URL: t.url, PORT: String(port), HOSTNAME: "127.0.0.1", FERRY_SEED_DEMO: "false" });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Migration ${name} was changed after it was applied`);
    } finally {
      // The embedded suite shares one database between files.
      await t.db.$executeRaw`UPDATE _prisma_migrations SET checksum = ${checksum} WHERE migration_name = ${name}`;
    }
  }, 120_000);
});
