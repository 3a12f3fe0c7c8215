import { describe, expect, it } from "vitest";

// Regression: `next build` failed on a fresh clone because creating better-auth's Prisma
// adapter at import time reached for the database, and a build has none.
describe("better-auth module", () => {
  it("can be imported without a database configured", async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const mod = await import("./better-auth");
      expect(typeof mod.getAuth).toBe("function");
      expect(() => mod.getAuth()).toThrow(/DATABASE_URL/);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });
});
