import { randomInt, randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withAppDatabase } from "@/lib/testing/db";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { reloadEnv } from "@/lib/env";

// Regression tests for "unlimited password guessing": better-auth's endpoint was limited per
// X-Forwarded-For as the client sent it and never per account; the page action's own limiter
// trusted the same header, counted successes, and let anyone lock a user out.

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
let requestHeaders = new Headers();

// The action reads the request through next/headers; here that is the request the test makes.
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { redirectTo: to });
  },
}));

let getAuth: typeof import("./better-auth").getAuth;
let signInAction: typeof import("./actions").signInAction;
let reserveSignInAttempt: typeof import("./sign-in-limiter").reserveSignInAttempt;
let email: string;

withAppDatabase();
beforeAll(async () => {
  delete process.env.FERRY_SIGNIN_RATE_LIMIT; // the default: 10 attempts in 5 minutes
  delete process.env.FERRY_TRUSTED_PROXIES;
  process.env.FERRY_BASE_URL = BASE;
  process.env.BETTER_AUTH_SECRET = "sign-in-limiter-test-secret-0123456789";
  reloadEnv();
  // What the early guard (lib/http/early-guard.ts) does for every request in production.
  (globalThis as { ferryStampsPeerAddress?: boolean }).ferryStampsPeerAddress = true;
  ({ getAuth } = await import("./better-auth"));
  ({ signInAction } = await import("./actions"));
  ({ reserveSignInAttempt } = await import("./sign-in-limiter"));
  const { db } = await import("@/lib/db");
  const { createPasswordUser } = await import("./credentials");
  email = `limiter-${randomUUID()}@example.test`;
  await createPasswordUser(db, { email, name: "Limiter", password: PASSWORD });
});
afterEach(() => {
  delete process.env.FERRY_TRUSTED_PROXIES;
  reloadEnv();
});

/** An address no other test uses (TEST-NET and benchmarking ranges). */
const freshAddress = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;
const headersFrom = (peer: string, forwardedFor?: string) =>
  new Headers({ origin: BASE, "content-type": "application/json", [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

/** better-auth's own HTTP endpoint, through its real handler. */
async function endpoint(peer: string, body: { email: string; password: string }, forwardedFor?: string) {
  const res = await getAuth().handler(new Request(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: headersFrom(peer, forwardedFor), body: JSON.stringify(body) }));
  return { status: res.status, body: (await res.json().catch(() => null)) as { code?: string; message?: string } | null, retryAfter: res.headers.get("retry-after") };
}

/** The sign-in page's server action; "redirect" is its success. */
async function action(peer: string, body: { email: string; password: string }, forwardedFor?: string) {
  requestHeaders = headersFrom(peer, forwardedFor);
  const form = new FormData();
  form.set("email", body.email);
  form.set("password", body.password);
  try {
    const result = await signInAction(null, form);
    return result.ok ? "ok" : result.formError;
  } catch (error) {
    if ((error as { redirectTo?: string }).redirectTo) return "redirect";
    throw error;
  }
}

const wrong = () => ({ email, password: `wrong-${randomUUID()}` });
const right = () => ({ email, password: PASSWORD });
const REFUSED = "Too many sign-in attempts. Wait a few minutes and try again.";
const MISMATCH = "That email and password do not match an account.";

describe("the sign-in limiter", () => {
  it("keys on the peer: a spoofed X-Forwarded-For from an untrusted peer changes nothing", async () => {
    const peer = freshAddress();
    for (let i = 0; i < 10; i++) expect((await endpoint(peer, wrong(), freshAddress())).status).toBe(401);
    const refused = await endpoint(peer, wrong(), freshAddress());
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: "RATE_LIMITED", message: REFUSED });
    expect(await action(peer, wrong(), freshAddress())).toBe(REFUSED);
  });

  it("believes the forwarded address from a trusted proxy, per client behind it", async () => {
    process.env.FERRY_TRUSTED_PROXIES = "10.0.0.0/8";
    reloadEnv();
    const [client, neighbour] = [freshAddress(), freshAddress()];
    for (let i = 0; i < 10; i++) expect((await endpoint("10.1.2.3", wrong(), client)).status).toBe(401);
    expect((await endpoint("10.9.9.9", wrong(), client)).status).toBe(429); // another proxy, same client
    expect((await endpoint("10.1.2.3", wrong(), neighbour)).status).toBe(401);
  });

  it("counts the page action and better-auth's endpoint on one counter", async () => {
    const peer = freshAddress();
    for (let i = 0; i < 5; i++) expect(await action(peer, wrong())).toBe(MISMATCH);
    for (let i = 0; i < 5; i++) expect((await endpoint(peer, wrong())).status).toBe(401);
    expect(await action(peer, right())).toBe(REFUSED);
    expect((await endpoint(peer, right())).status).toBe(429);
  });

  it("does not count successes, and a success ends the pair's back-off", async () => {
    const peer = freshAddress();
    for (let i = 0; i < 15; i++) expect(await action(peer, right())).toBe("redirect");
    for (let i = 0; i < 9; i++) expect((await endpoint(peer, wrong())).status).toBe(401);
    expect((await endpoint(peer, right())).status).toBe(200);
    // The nine failures before the success are forgotten: ten more may fail.
    for (let i = 0; i < 10; i++) expect((await endpoint(peer, wrong())).status).toBe(401);
    expect((await endpoint(peer, wrong())).status).toBe(429);
  });

  it("backs off one account+address pair; the same account from another address still signs in", async () => {
    const [attacker, owner] = [freshAddress(), freshAddress()];
    for (let i = 0; i < 10; i++) await endpoint(attacker, wrong());
    expect((await endpoint(attacker, right())).status).toBe(429); // even the right password waits
    expect(await action(owner, wrong())).toBe(MISMATCH);
    expect(await action(owner, right())).toBe("redirect");
  });

  it("refuses unknown and known accounts identically (status, body, headers, time)", async () => {
    const [a, b] = [freshAddress(), freshAddress()];
    const unknown = () => ({ email: `nobody-${randomUUID()}@example.test`, password: "whatever-it-is" });
    const ghost = unknown();
    for (let i = 0; i < 10; i++) {
      await endpoint(a, wrong());
      await endpoint(b, ghost);
    }
    const timed = async (peer: string, body: { email: string; password: string }) => {
      const started = performance.now();
      const answer = await endpoint(peer, body);
      return { answer, ms: performance.now() - started };
    };
    const known = [];
    const missing = [];
    for (let i = 0; i < 15; i++) {
      known.push(await timed(a, wrong()));
      missing.push(await timed(b, ghost));
    }
    for (const { answer } of [...known, ...missing]) expect({ ...answer, retryAfter: Number(answer.retryAfter) > 0 }).toEqual({ status: 429, body: { code: "RATE_LIMITED", message: REFUSED }, retryAfter: true });
    const median = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((p, q) => p - q)[Math.floor(xs.length / 2)];
    // A refusal never reads the user table or hashes: both take a database round trip or two,
    // far below one password hash (which a 401 for either kind of account pays).
    const hashed = await timed(freshAddress(), unknown());
    expect(hashed.answer.status).toBe(401);
    console.log(`refusal median: known ${median(known).toFixed(1)} ms, unknown ${median(missing).toFixed(1)} ms; a hashed 401 ${hashed.ms.toFixed(1)} ms`);
    expect(Math.abs(median(known) - median(missing))).toBeLessThan(hashed.ms / 2);
  });

  it("limits one address across accounts (password spraying), and only that address", async () => {
    const [sprayer, other] = [freshAddress(), freshAddress()];
    const now = Date.now();
    for (let i = 0; i < 50; i++) expect(await reserveSignInAttempt({ email: `spray-${i}-${randomUUID()}@example.test`, address: sprayer }, now)).toEqual({ allowed: true });
    expect((await endpoint(sprayer, { email: `spray-${randomUUID()}@example.test`, password: "x-x-x-x-x-x" })).status).toBe(429);
    expect(await action(other, right())).toBe("redirect");
  });

  it("counts parallel attempts exactly: ten reach the password check", async () => {
    const peer = freshAddress();
    const statuses = await Promise.all(Array.from({ length: 25 }, () => endpoint(peer, wrong()).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it("doubles a pair's wait after each failure past the limit, and lets it try again after", async () => {
    const attempt = { email: `backoff-${randomUUID()}@example.test`, address: freshAddress() };
    const t = Date.now();
    for (let i = 0; i < 10; i++) expect((await reserveSignInAttempt(attempt, t)).allowed).toBe(true);
    expect(await reserveSignInAttempt(attempt, t + 1000)).toEqual({ allowed: false, retryAfterSeconds: 299 });
    expect((await reserveSignInAttempt(attempt, t + 5 * 60_000)).allowed).toBe(true);
    expect(await reserveSignInAttempt(attempt, t + 5 * 60_000 + 1000)).toEqual({ allowed: false, retryAfterSeconds: 599 });
    expect((await reserveSignInAttempt(attempt, t + 15 * 60_000)).allowed).toBe(true);
  });

  // One place: better-auth's default rule for /sign-in/* (3 in 10 s per X-Forwarded-For) is off.
  it("leaves every sign-in path to this limiter: better-auth refuses no burst of sign-ins itself", async () => {
    const peer = freshAddress();
    const start = () => getAuth().handler(new Request(`${BASE}/api/auth/sign-in/social`, { method: "POST", headers: headersFrom(peer, "203.0.113.7"), body: JSON.stringify({ provider: "github" }) }));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await start()).status);
    expect(statuses).not.toContain(429);
  });

  it.each(["/change-password", "/verify-password", "/sign-up/email", "/request-password-reset", "/sign-in/username"])(
    "offers no other password endpoint over HTTP: %s is not found",
    async (path) => {
      const res = await getAuth().handler(new Request(`${BASE}/api/auth${path}`, { method: "POST", headers: headersFrom(freshAddress()), body: JSON.stringify({ email, password: PASSWORD, currentPassword: PASSWORD, newPassword: "another-password-1", username: "x" }) }));
      expect(res.status).toBe(404);
    },
  );
});
