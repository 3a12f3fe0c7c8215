import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { freePort } from "@/lib/db/embedded";
import { errorOutcome } from "@/lib/api/envelope";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { isDatabaseUnavailable, isUniqueViolation, isUnstorableInput } from "./errors";

// The error shapes come from the real driver stack (pg, adapter-pg, Prisma): a mocked shape
// was wrong before. Each case is what a request meets when the database is down or a forged
// value reaches it.
const caught = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
};

describe("database errors", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it("recognises an unreachable server through Prisma queries, raw queries and transactions", async () => {
    const down = createDb(`postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`, { max: 1 });
    try {
      const errors = [
        await caught(() => down.programme.findMany()),
        await caught(() => down.$queryRaw`SELECT 1`),
        await caught(() => down.$transaction((tx) => tx.programme.findMany())),
      ];
      for (const error of errors) expect(isDatabaseUnavailable(error)).toBe(true);
      const outcome = errorOutcome(errors[0], "req-down");
      expect(outcome.status).toBe(503);
      expect(outcome.headers["retry-after"]).toMatch(/^\d+$/);
      expect(outcome.body.error.code).toBe("UNAVAILABLE");
      expect(JSON.stringify(outcome.body)).not.toMatch(/127\.0\.0\.1|at \w+ \(/);
    } finally {
      await down.$disconnect();
    }
  });

  it("recognises a pool that found no connection in time", async () => {
    const busy = createDb(t.url, { max: 1 });
    try {
      const holder = busy.$transaction(async (tx) => tx.$executeRawUnsafe("SELECT pg_sleep(6.5)"), { timeout: 20_000 });
      await new Promise((r) => setTimeout(r, 300));
      const error = await caught(() => busy.$queryRaw`SELECT 1`);
      expect(isDatabaseUnavailable(error)).toBe(true);
      await holder;
    } finally {
      await busy.$disconnect();
    }
  }, 30_000);

  it("does not take ordinary refusals for an outage", async () => {
    const slug = `dup-${Date.now()}`;
    await t.db.programme.create({ data: { slug, name: "One" } });
    const duplicate = await caught(() => t.db.programme.create({ data: { slug, name: "Two" } }));
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(errorOutcome(new Error("boom"), "req-bug").status).toBe(500);
  });

  it("takes a NUL byte or a wrong type that reached a query for bad input, not a bug", async () => {
    const nul = await caught(() => t.db.programme.findUnique({ where: { slug: "de\u0000mo" } }));
    expect(isUnstorableInput(nul)).toBe(true);
    expect(isDatabaseUnavailable(nul)).toBe(false);
    expect(errorOutcome(nul, "req-nul")).toMatchObject({ status: 400, body: { error: { code: "INVALID" } } });
    const wrongType = await caught(() => t.db.programme.findUnique({ where: { slug: { x: 1 } as unknown as string } }));
    expect(isUnstorableInput(wrongType)).toBe(true);
  });
});
