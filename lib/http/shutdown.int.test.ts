import http from "node:http";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { startBuiltServer, type BuiltServer } from "@/lib/testing/built-server";
import { openSse } from "@/lib/testing/sse";

// The production build's stop (lib/http/shutdown.ts) on SIGTERM, as Kubernetes sends it.
const TOKEN = "shutdown-test-admin-token-0123456789";
let t: TestDatabase;
const servers: BuiltServer[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
});
afterEach(async () => {
  for (const s of servers.splice(0)) if (s.child.exitCode === null) s.child.kill("SIGKILL");
});
afterAll(async () => {
  await t?.close();
});

const serve = async (env: Record<string, string>) => {
  const server = await startBuiltServer({ DATABASE_URL: t.url, FERRY_ADMIN_TOKEN: TOKEN, BETTER_AUTH_SECRET: "shutdown-test-secret-0123456789abcdef", ...(process.env.DATABASE_URL ? {} : { FERRY_DB_POOL: "1" }), ...env });
  servers.push(server);
  return server;
};

/** A GET on a connection of its own: the status, or the connection error's code. */
const probe = (port: number, path: string) =>
  new Promise<string>((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(String(res.statusCode)));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });

/** A POST whose body is only half sent: in flight until `finish` sends the rest. */
async function halfSentWrite(port: number, slug: string) {
  const body = JSON.stringify({ name: `In flight ${slug}`, slug });
  const socket = net.connect(port, "127.0.0.1");
  let answer = "";
  socket.on("data", (d) => (answer += d));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write(`POST /api/v1/programmes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  return {
    finish: async () => {
      socket.write(body.slice(10));
      await closed;
      return answer;
    },
    abandon: () => socket.destroy(),
  };
}

describe("SIGTERM", () => {
  it("turns readiness 503 first, completes 50 requests in flight, closes the pool and exits 0", async () => {
    const server = await serve({ FERRY_SHUTDOWN_DELAY_MS: "1500", FERRY_SHUTDOWN_GRACE_MS: "20000" });
    expect(await probe(server.port, "/api/ready")).toBe("200");
    const slugs = Array.from({ length: 50 }, () => uniqueSlug("inflight"));
    const writes = await Promise.all(slugs.map((slug) => halfSentWrite(server.port, slug)));
    // Every request has reached the server before the stop.
    await new Promise((r) => setTimeout(r, 500));

    server.child.kill("SIGTERM");
    // Readiness fails at once, while the listener still takes connections and serves the rest.
    const seen: string[] = [];
    for (const until = Date.now() + 1_000; Date.now() < until && seen.at(-1) !== "503"; ) seen.push(await probe(server.port, "/api/ready"));
    expect(seen.at(-1), seen.join(" ")).toBe("503");
    expect(await probe(server.port, "/api/health")).toBe("200");
    // Then the listener closes.
    const later: string[] = [];
    for (const until = Date.now() + 5_000; Date.now() < until && later.at(-1) !== "ECONNREFUSED"; ) {
      later.push(await probe(server.port, "/api/health"));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(later.at(-1), later.join(" ")).toBe("ECONNREFUSED");
    // The 50 in flight are answered, each closing its connection, and their writes are kept.
    const answers = await Promise.all(writes.map((w) => w.finish()));
    for (const a of answers) {
      expect(a, a).toMatch(/^HTTP\/1.1 201 /);
      expect(a.slice(0, a.indexOf("\r\n\r\n"))).toMatch(/\r\nconnection: close(\r\n|$)/i);
    }
    expect(await server.exited, server.output()).toBe(0);
    expect(await t.db.programme.count({ where: { slug: { in: slugs } } })).toBe(50);
    const lines = server.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { msg: string; unfinished?: number });
    expect(lines.map((l) => l.msg)).toContain("stopping: readiness now fails");
    expect(lines.find((l) => l.msg === "stopped")).toMatchObject({ unfinished: 0 });
    // The pool was closed by the stop, after the requests, not by the process dying.
    expect(lines.filter((l) => l.msg === "stop: done").map((l) => (l as { hook?: string }).hook)).toContain("database pool");
  }, 120_000);

  it("gives up on a request that outlasts the grace period, and exits 1 saying so", async () => {
    const server = await serve({ FERRY_SHUTDOWN_GRACE_MS: "1000" });
    const stuck = await halfSentWrite(server.port, uniqueSlug("stuck"));
    await new Promise((r) => setTimeout(r, 300));
    const stopped = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited, server.output()).toBe(1);
    expect(Date.now() - stopped).toBeLessThan(8_000);
    expect(server.output()).toContain("the grace period ended with requests unfinished");
    stuck.abandon();
  }, 120_000);

  it("ends the live streams when the listener closes, so browsers reconnect elsewhere, and does not wait out the grace for them", async () => {
    const server = await serve({ FERRY_SHUTDOWN_GRACE_MS: "30000" });
    const slug = uniqueSlug("streams");
    expect((await fetch(`${server.url}/api/v1/programmes`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ name: slug, slug }) })).status).toBe(201);
    const streams = Array.from({ length: 5 }, () => openSse(`${server.url}/api/v1/programmes/${slug}/stream`, { authorization: `Bearer ${TOKEN}` }));
    expect(await Promise.all(streams.map((s) => s.status))).toEqual([200, 200, 200, 200, 200]);
    const stopped = Date.now();
    server.child.kill("SIGTERM");
    await Promise.all(streams.map((s) => s.closed));
    expect(await server.exited, server.output()).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(10_000);
  }, 120_000);
});
