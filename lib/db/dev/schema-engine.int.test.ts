import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pendingSchemaChange } from "./migrator";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";

// Drift is checked against a database of its own: the migrator applies every migration
// from zero, then asks the schema engine what schema.prisma still needs.
describe("migrations", () => {
  const started: EmbeddedPostgres[] = [];
  afterAll(async () => Promise.all(started.map((e) => e.stop())));

  it("a fresh database migrated from zero matches schema.prisma", async () => {
    const fresh = await startEmbeddedPostgres();
    started.push(fresh);
    expect(await pendingSchemaChange(fresh.url)).toBeNull();
  });

  it("reports drift when schema.prisma has a change no migration holds", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-drift-"));
    const schemaPath = path.join(dir, "schema.prisma");
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    fs.writeFileSync(schemaPath, schema.replace("model Team {\n", "model Team {\n  driftProbe String?\n"));
    const fresh = await startEmbeddedPostgres();
    started.push(fresh);
    const sql = await pendingSchemaChange(fresh.url, { schemaPath, migrationsDir: path.resolve("prisma/migrations") });
    expect(sql).toContain('"driftProbe"');
  });
});
