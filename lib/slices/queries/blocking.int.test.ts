import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedLargeProgramme, type LargeSize } from "@/lib/seed";

// The slice page computes blocked-by from the slice's own dependencies only; it must say
// exactly what the whole-programme computation (the slices list's) says, for every slice.
const SMALL: LargeSize = { services: 120, dependencies: 360, slices: 40, waves: 5, checklistItems: 400, events: 200, teams: 6 };

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t?.close();
});

describe("getSliceBlockedBy", () => {
  it("agrees with getBlocking on every slice of a seeded programme", async () => {
    const slug = `blocking-${Date.now().toString(36)}`;
    await seedLargeProgramme(t.db, SMALL, { slug });
    const { getBlocking, getSliceBlockedBy } = await import("./blocking");
    const { id: programmeId } = await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const full = await getBlocking(programmeId);
    expect(full.blocked.length).toBeGreaterThan(0);
    const slices = await t.db.slice.findMany({ where: { programmeId }, select: { id: true } });
    for (const slice of slices) {
      expect(await getSliceBlockedBy(programmeId, slice.id)).toEqual(full.blocked.find((b) => b.id === slice.id)?.waitsOn ?? []);
    }
  });
});
