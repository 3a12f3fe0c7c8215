import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { withAppDatabase } from "@/lib/testing/db";

let allowSignInAttempt: typeof import("./sign-in-limiter").allowSignInAttempt;

withAppDatabase();
beforeAll(async () => {
  delete process.env.FERRY_SIGNIN_RATE_LIMIT; // the default: 10 attempts in 5 minutes
  ({ allowSignInAttempt } = await import("./sign-in-limiter"));
});

describe("allowSignInAttempt", () => {
  it("allows 10 attempts per key in the window, then refuses", async () => {
    const key = `email:${randomUUID()}@example.test`;
    const now = Date.now();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await allowSignInAttempt([key], now + i));
    expect(answers).toEqual([...Array(10).fill(true), false]);
  });

  it("refuses when any key is over the limit, counting parallel attempts exactly", async () => {
    const ip = `ip:${randomUUID()}`;
    const now = Date.now();
    const parallel = await Promise.all(Array.from({ length: 12 }, (_, i) => allowSignInAttempt([`email:${i}-${randomUUID()}`, ip], now)));
    expect(parallel.filter(Boolean)).toHaveLength(10);
  });

  it("starts counting afresh after the window", async () => {
    const key = `email:${randomUUID()}`;
    const now = Date.now();
    for (let i = 0; i < 11; i++) await allowSignInAttempt([key], now);
    expect(await allowSignInAttempt([key], now)).toBe(false);
    expect(await allowSignInAttempt([key], now + 5 * 60_000 + 1)).toBe(true);
  });
});
