import net from "node:net";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm start` fails early and in one line when it cannot work; these cases stop before any
// build or database is needed.
const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
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
