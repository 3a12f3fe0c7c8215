import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { test, expect } from "@playwright/test";
import { launchFerry, waitFor200, type FerryServer } from "../scripts/testing/ferry-server";
import { startPrivatePostgres, type PrivatePostgres } from "../scripts/testing/private-postgres";
import { addWeeks } from "../lib/reports/weeks";
import type { WeekKey } from "../lib/reports/types";

// The two backups docs/backup-and-restore.md describes, each restored into an empty
// deployment and checked by exporting again: a programme's Ferry JSON (its full history and
// people included, ADR 0020) through the REST API,
// and a whole deployment's pg_dump -Fc / pg_restore. Deployments of this spec's own on a
// PostgreSQL cluster of its own, whatever database the rest of the suite uses.
const TOKEN = "backup-admin-token-0123456789";
const PORT = Number(process.env.FAULTS_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 60) + 2;
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5492) + 1;
const SECRET = "backup-secret-backup-secret-0123456789";
const run = promisify(execFile);
const auth = { authorization: `Bearer ${TOKEN}` };

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function exportDemo(server: FerryServer): Promise<string> {
  const res = await fetch(`${server.base}/api/v1/programmes/demo/export`, { headers: auth });
  expect(res.status).toBe(200);
  return res.text();
}

/** The programme's audit trail as it reads: actions, with what each changed, oldest first, no ids or request ids. */
async function history(url: string): Promise<string[]> {
  const rows = await sql<{ line: string }>(
    url,
    `SELECT concat_ws(' ', e.action, e."actorName", e.at::text, e.before::text, e.after::text) AS line
     FROM "Event" e JOIN "Programme" p ON p.id = e."programmeId" WHERE p.slug = 'demo' ORDER BY e.at, e.action, e.after::text`,
  );
  return rows.map((r) => r.line);
}

/** Every event of the programme as an auditor reads it: when, what, who (name and email), what changed; oldest first. */
async function auditLog(url: string): Promise<{ at: string; line: string }[]> {
  return sql<{ at: string; line: string }>(
    url,
    `SELECT e.at::text AS at, concat_ws(' | ', e.at::text, e.action, e."entityType", e."actorName", u.email, e.before::text, e.after::text, e."requestId") AS line
     FROM "Event" e JOIN "Programme" p ON p.id = e."programmeId" LEFT JOIN "User" u ON u.id = e."actorId" WHERE p.slug = 'demo' ORDER BY e.at, e.id`,
  );
}

/** Paths where two JSON values differ, as "path: before -> after". */
function differences(a: unknown, b: unknown, at = "$"): string[] {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return a === b ? [] : [`${at}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`];
}

test.describe("backup and restore", () => {
  let cluster: PrivatePostgres | undefined;
  const servers: FerryServer[] = [];
  let source: FerryServer;
  let original: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startPrivatePostgres(PG_PORT);
    for (const db of ["ferry_source", "ferry_empty", "ferry_restored"]) await sql(cluster.url(), `CREATE DATABASE ${db}`);
    // The demo programme, with history: ticks, stage moves, a rollback.
    source = launchFerry(PORT, { DATABASE_URL: cluster.url("ferry_source"), FERRY_ADMIN_TOKEN: TOKEN, FERRY_SEED_DEMO: "true", BETTER_AUTH_SECRET: SECRET });
    servers.push(source);
    await waitFor200(source);
    original = await exportDemo(source);
  });

  test.afterAll(async () => {
    for (const s of servers) await s.stop();
    await cluster?.destroy();
  });

  test("a programme's Ferry JSON with its full history imported into an empty deployment exports the same bytes", async () => {
    test.setTimeout(120_000);
    const doc = JSON.parse(original);
    // Non-trivial state to carry: done and not-applicable items with who and when, slices past 0%.
    const items = doc.slices.flatMap((s: { checklist: { state: string; doneBy: string | null }[] }) => s.checklist);
    expect(items.filter((i: { state: string; doneBy: string | null }) => i.state === "done" && i.doneBy).length).toBeGreaterThan(20);
    expect(doc.slices.filter((s: { stage: string }) => s.stage !== "0").length).toBeGreaterThan(3);
    // And the whole history with the people in it: every event of the source, rollbacks included, no credentials.
    const sourceLog = await auditLog(cluster!.url("ferry_source"));
    expect(doc.version).toBe(2);
    expect(doc.history.length).toBe(sourceLog.length);
    expect(doc.history.filter((e: { action: string }) => e.action === "slice.rolled_back").length).toBeGreaterThan(0);
    expect(doc.history.filter((e: { actor?: string }) => e.actor).length).toBeGreaterThan(20);
    expect(doc.people.map((p: { role?: string }) => p.role).sort()).toEqual(expect.arrayContaining(["lead", "manager", "viewer"]));
    for (const p of doc.people) expect(Object.keys(p).filter((k) => !["email", "name", "role", "disabled", "teams"].includes(k))).toEqual([]);
    expect(original).not.toMatch(/"(password|passwordHash|tokenHash|accessToken|refreshToken|idToken|isAdmin)"/);

    // An empty deployment: no demo, no users, no programmes.
    const empty = launchFerry(PORT + 1, { DATABASE_URL: cluster!.url("ferry_empty"), FERRY_ADMIN_TOKEN: TOKEN, FERRY_SEED_DEMO: "false", BETTER_AUTH_SECRET: SECRET });
    servers.push(empty);
    await waitFor200(empty);
    expect(await sql(cluster!.url("ferry_empty"), `SELECT 1 FROM "Programme" UNION ALL SELECT 1 FROM "User"`)).toEqual([]);

    // Restore: the programme under the same slug, then the backup into it.
    const created = await fetch(`${empty.base}/api/v1/programmes`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: doc.programme.name, slug: "demo" }) });
    expect(created.status).toBe(201);
    const imported = await fetch(`${empty.base}/api/v1/programmes/demo/import?format=ferry`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: original });
    const report = await imported.json();
    expect(imported.status, JSON.stringify(report)).toBe(200);
    expect(report).toMatchObject({ applied: true, errors: [] });

    const restored = await exportDemo(empty);
    // Compared field by field first, so a failure names what differs rather than two 100 kB strings.
    const diff = differences(JSON.parse(original), JSON.parse(restored));
    const fields = [...new Set(diff.map((d) => d.split(":")[0].replace(/\.\d+/g, "[]")))];
    expect(diff.slice(0, 5), `${diff.length} values differ after the restore, in ${fields.join(", ")}; the first`).toEqual([]);
    expect(restored).toBe(original);

    // Every past week's report reads as it did: the walk back from today once undid the import's
    // own "created" events too, and every slice and service vanished from the weeks before it
    // ("Slices in scope 12" read 0, slice names read as ids).
    const current = (await (await fetch(`${source.base}/api/v1/programmes/demo/reports/weekly?format=json`, { headers: auth })).json()) as { range: { week: string } };
    const weeks = [1, 2, 3, 4, 6].map((n) => addWeeks(current.range.week as WeekKey, -n));
    for (const week of weeks) {
      const [before, after] = await Promise.all(
        [source, empty].map(async (s) => (await fetch(`${s.base}/api/v1/programmes/demo/reports/weekly?week=${week}&format=md`, { headers: auth })).text()),
      );
      expect(before, week).toMatch(/Slices in scope/);
      expect(after, week).toBe(before);
    }
    expect(await (await fetch(`${empty.base}/api/v1/programmes/demo/reports/weekly?week=${weeks[0]}&format=md`, { headers: auth })).text()).toMatch(/\| Slices in scope \| [1-9]/);

    // The restored audit log: the same events with the same actors, then this deployment's own
    // record of receiving the programme (its creation here, the import, one restore event).
    const restoredLog = await auditLog(cluster!.url("ferry_empty"));
    const last = sourceLog[sourceLog.length - 1].at;
    expect(restoredLog.filter((e) => e.at <= last).map((e) => e.line)).toEqual(sourceLog.map((e) => e.line));
    const arrival = restoredLog.filter((e) => e.at > last).map((e) => e.line.split(" | ")[1]);
    expect(arrival).toEqual(expect.arrayContaining(["programme.created", "programme.restored", "inventory.imported"]));
    expect(arrival.filter((a) => a === "programme.restored")).toHaveLength(1);
    // The people came as accounts with no way to sign in: no password, no SSO link, not administrators.
    const people = await sql<{ email: string; accounts: number; admin: boolean }>(
      cluster!.url("ferry_empty"),
      `SELECT u.email, (SELECT count(*)::int FROM "Account" a WHERE a."userId" = u.id) AS accounts, u."isAdmin" AS admin FROM "User" u ORDER BY u.email`,
    );
    expect(people.map((p) => p.email).sort()).toEqual(doc.people.map((p: { email: string }) => p.email).sort());
    expect(people.every((p) => p.accounts === 0 && !p.admin)).toBe(true);

    // Importing the same file again changes nothing but adds the import to the log.
    const again = await fetch(`${empty.base}/api/v1/programmes/demo/import?format=ferry`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: original });
    const second = await again.json();
    expect(again.status, JSON.stringify(second)).toBe(200);
    expect(second).toMatchObject({ applied: true, created: 0, updated: 0, errors: [] });
    const after = JSON.parse(await exportDemo(empty));
    expect({ ...after, history: undefined }).toEqual({ ...doc, history: undefined });
    expect(after.history.slice(0, -1)).toEqual(doc.history);
    expect(after.history.at(-1)).toMatchObject({ action: "inventory.imported", actorName: "admin token" });
  });

  test("a whole deployment's pg_dump -Fc restored with pg_restore serves the same programme and history", async () => {
    test.setTimeout(120_000);
    const dump = path.join(cluster!.dir, "ferry.dump");
    // While Ferry runs: pg_dump reads one consistent snapshot without stopping writers.
    await run(cluster!.bin("pg_dump"), ["-Fc", "-d", cluster!.url("ferry_source"), "-f", dump]);
    expect(fs.statSync(dump).size).toBeGreaterThan(10_000);
    await run(cluster!.bin("pg_restore"), ["--no-owner", "--exit-on-error", "-d", cluster!.url("ferry_restored"), dump]);

    // Ferry on the restored database: nothing to migrate, nothing to seed, the same programme.
    const restored = launchFerry(PORT + 2, { DATABASE_URL: cluster!.url("ferry_restored"), FERRY_ADMIN_TOKEN: TOKEN, FERRY_SEED_DEMO: "true", BETTER_AUTH_SECRET: SECRET });
    servers.push(restored);
    await waitFor200(restored);
    expect(restored.output()).not.toContain("seeding");
    expect(await exportDemo(restored)).toBe(original);

    // The whole audit trail came along, rollbacks included; the database trigger that keeps events append-only too.
    const before = await history(cluster!.url("ferry_source"));
    expect(before.filter((l) => l.startsWith("slice.rolled_back")).length).toBeGreaterThan(0);
    expect(await history(cluster!.url("ferry_restored"))).toEqual(before);
    await expect(sql(cluster!.url("ferry_restored"), `UPDATE "Event" SET action = action`)).rejects.toThrow();
  });
});
