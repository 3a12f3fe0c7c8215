import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, startEmbeddedPostgres } from "./embedded";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ferry-embedded-"));

describe("embedded Postgres data directory", () => {
  it("refuses a second process on the same directory, and frees it on stop", async () => {
    const dir = tempDir();
    const first = await startEmbeddedPostgres({ dataDir: dir });
    // Same process id stands in for "another live process": the lock names a live owner.
    fs.writeFileSync(path.join(dir, "ferry.lock"), String(process.ppid));
    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    fs.writeFileSync(path.join(dir, "ferry.lock"), String(process.pid));
    await first.stop();
    expect(fs.existsSync(path.join(dir, "ferry.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "ferry.lock"), "999999"); // no such process
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, "ferry.lock"), "utf8")).toBe(String(process.pid));
    await pg.stop();
  });

  it("keeps data across a clean stop and start", async () => {
    const dir = tempDir();
    const { Client } = (await import("pg")).default;
    const one = await startEmbeddedPostgres({ dataDir: dir });
    let c = new Client({ connectionString: one.url });
    await c.connect();
    await c.query("CREATE TABLE kept (v text)");
    await c.query("INSERT INTO kept VALUES ('still here')");
    await c.end();
    await one.stop();
    const two = await startEmbeddedPostgres({ dataDir: dir });
    c = new Client({ connectionString: two.url });
    await c.connect();
    const { rows } = await c.query("SELECT v FROM kept");
    await c.end();
    await two.stop();
    expect(rows).toEqual([{ v: "still here" }]);
  });

  // npm start gives the app one connection to PGlite (see scripts/start.ts): concurrent
  // requests must queue on it, not fail or wait for each other forever.
  it("serves many concurrent queries through the one connection npm start gives the app", async () => {
    const { createDb } = await import("@/lib/db");
    const { deployMigrations } = await import("./migrator");
    const pg = await startEmbeddedPostgres();
    await deployMigrations(pg.url);
    const db = createDb(pg.url, { max: 1 });
    try {
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? db.programme.findMany({ where: { slug: `p-${i}` } }) : db.event.count({ where: { action: `a-${i}` } }))));
      expect(results).toHaveLength(60);
    } finally {
      await db.$disconnect();
      await pg.stop();
    }
  });
});
