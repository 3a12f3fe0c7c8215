/**
 * Micro-benchmarks of the security issue's per-request checks, in process, per call:
 *   micro_body_checks     the capped body reader (readBodyCapped) and readJson on typical
 *                         bodies, next to plain `request.text()` for what the cap adds;
 *   micro_signin_limiter  one sign-in limiter check (an email and an address key) on the
 *                         bench database;
 *   micro_token_lookup    a bearer token's lookup (authenticateBearer) from the token cache
 *                         and from the database, for what the cache saves per API request;
 *   micro_token_cache_http  the served slice API read by 20 clients as fast as answers come,
 *                         with one token (every lookup cached) and cycling through more tokens
 *                         than the cache holds (every lookup read from the database).
 * Target: each check adds <= 1 ms per request. Run them alone with `npm run bench -- micro`.
 */
import { randomUUID } from "node:crypto";
import { generateToken, hashToken, tokenPrefix } from "../lib/auth/tokens";
import type { Db } from "../lib/db";
import { runLoad } from "./load";
import { allowServerOnly } from "./server-only";
import { percentile } from "./measure";
import type { Benchmark, BenchContext } from "./suites";

const TARGET = "adds <= 1 ms per request (p95)";
const RUNS = 2000;
const WARMUP = 200;

const ms3 = (ms: number) => Math.round(ms * 1000) / 1000;

type Stats = { n: number; p50Ms: number; p95Ms: number; maxMs: number };

function stats(times: number[]): Stats {
  times.sort((a, b) => a - b);
  return { n: times.length, p50Ms: ms3(percentile(times, 50)), p95Ms: ms3(percentile(times, 95)), maxMs: ms3(times[times.length - 1]) };
}

/**
 * p50/p95/max per call in ms (3 decimals) of each of `fns`, after a warm-up; `make` (a fresh
 * input per call) is not timed. The functions take turns call by call, in alternating order,
 * so that a busy machine's noise and the garbage collector fall on all of them alike.
 */
async function perCall<T>(make: () => T, fns: ((input: T) => Promise<unknown>)[]): Promise<Stats[]> {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn(make());
  const times = fns.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < fns.length; k++) {
      const f = i % 2 === 0 ? k : fns.length - 1 - k;
      const input = make();
      const t0 = performance.now();
      await fns[f](input);
      times[f].push(performance.now() - t0);
    }
  }
  return times.map(stats);
}

/**
 * A POST as the server hands it to a route: the body streamed in chunks of at most 64 KiB
 * (what a socket read gives), with its Content-Length.
 */
function request(body: string): Request {
  const bytes = new TextEncoder().encode(body);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 65536) controller.enqueue(bytes.subarray(at, at + 65536));
      controller.close();
    },
  });
  return new Request("http://bench.local/api", { method: "POST", body: stream, duplex: "half", headers: { "content-type": "application/json", "content-length": String(bytes.length) } } as RequestInit);
}

const TICK_BODY = JSON.stringify({ state: "done", evidenceUrl: "https://ci.example/pipelines/48213/jobs/7" });
const MOVE_BODY = JSON.stringify({ to: "10", reason: "p99 latency over budget after the shift", signal: "latency", expectedVersion: 7 });

/** A rollout YAML paste (~64 KB) and a catalog import (1 MiB): the bodies the cap reader reads. */
function yamlOf(bytes: number): string {
  const line = "  - name: checkout-api\n    weight: 10\n    pause: { duration: 10m }\n";
  return `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nsteps:\n${line.repeat(Math.ceil(bytes / line.length))}`.slice(0, bytes);
}

async function benchBodyChecks() {
  allowServerOnly();
  const { readBodyCapped } = await import("../lib/inventory/read-capped");
  const { readJson } = await import("../lib/api/handler");
  const { parseJsonBody } = await import("../lib/api/envelope");
  const { tickItemBodySchema } = await import("../lib/checklists/schemas");
  const { moveStageBodySchema } = await import("../lib/slices/schemas");
  const bodies: [string, string][] = [
    ["tick_70B", TICK_BODY],
    ["yaml_64KB", yamlOf(64 * 1024)],
    ["import_1MiB", yamlOf(1024 * 1024)],
  ];
  const capped: Record<string, unknown> = {};
  for (const [label, body] of bodies) {
    const [withCap, plain] = await perCall(() => request(body), [(r) => readBodyCapped(r), (r) => r.text()]);
    capped[label] = { bytes: Buffer.byteLength(body), ...withCap, textP50Ms: plain.p50Ms, textP95Ms: plain.p95Ms, addedP50Ms: ms3(withCap.p50Ms - plain.p50Ms) };
  }
  // readJson next to what it did before the cap: parse the uncapped text against the schema.
  const json = async (body: string, schema: typeof tickItemBodySchema | typeof moveStageBodySchema) => {
    const [withCap, plain] = await perCall(() => request(body), [(r) => readJson(r, schema), async (r) => parseJsonBody(await r.text(), schema)]);
    return { ...withCap, uncappedP50Ms: plain.p50Ms, uncappedP95Ms: plain.p95Ms, addedP50Ms: ms3(withCap.p50Ms - plain.p50Ms) };
  };
  return { target: TARGET, readBodyCapped: capped, readJson: { tick: await json(TICK_BODY, tickItemBodySchema), stageMove: await json(MOVE_BODY, moveStageBodySchema) } };
}

/**
 * Runs `fn` with the app's own database client (the one the modules under test use, made on
 * first use from DATABASE_URL) on the bench database, and ends it afterwards so that the next
 * benchmark can make it again.
 */
async function withAppDb<T>(ctx: BenchContext, fn: (db: Db) => Promise<T>): Promise<T> {
  // bench/index.ts points DATABASE_URL at the bench database before any suite runs, so the
  // app's client (made by an earlier suite or on first use here) is the bench database's.
  if (process.env.DATABASE_URL !== ctx.databaseUrl) throw new Error("DATABASE_URL is not the bench database; the app's client would measure another one");
  const { db } = await import("../lib/db");
  return fn(db);
}

/**
 * The limiter's work for one sign-in, with a fresh email and one shared client address (every
 * attempt from behind one proxy lands on the same row, the contended case): a failed attempt
 * pays the reservation, a successful one the reservation and its release.
 */
async function benchSignInLimiter(ctx: BenchContext) {
  allowServerOnly();
  // High enough that no measured call takes the (cheaper) refusal path; read per call.
  process.env.FERRY_SIGNIN_RATE_LIMIT = String(10 * (RUNS + WARMUP));
  // The configuration is parsed once and kept: read it again with this limit.
  (await import("../lib/env")).reloadEnv();
  const { reserveSignInAttempt, releaseSignInAttempt } = await import("../lib/auth/sign-in-limiter");
  const address = `bench-${randomUUID()}`;
  const attempt = () => ({ email: `bench-${randomUUID()}@bench.ferry.local`, address });
  return withAppDb(ctx, async () => {
    const [failed, succeeded] = await perCall(attempt, [
      async (a) => {
        if (!(await reserveSignInAttempt(a)).allowed) throw new Error("the limiter refused a measured attempt");
      },
      async (a) => {
        await reserveSignInAttempt(a);
        await releaseSignInAttempt(a);
      },
    ]);
    return { target: TARGET, failedAttempt: failed, successfulAttempt: succeeded };
  });
}

/**
 * authenticateBearer for one request with a personal token: from the cache (what nearly every
 * request of a busy pipeline takes) and with the cache emptied first (a read of the token row
 * and its user). Their difference is what the cache saves each API request.
 */
async function benchTokenLookup(ctx: BenchContext) {
  allowServerOnly();
  return withAppDb(ctx, async (db) => {
    const { authenticateBearer, forgetCachedTokens } = await import("../lib/auth/api-auth");
    const user = await db.user.findFirstOrThrow({ where: { disabledAt: null }, select: { id: true } });
    const token = generateToken();
    // Used just now: no measured call refreshes lastUsedAt (at most once a minute).
    await db.apiToken.create({ data: { userId: user.id, name: "bench micro", tokenHash: hashToken(token), prefix: tokenPrefix(token), lastUsedAt: new Date() } });
    const header = `Bearer ${token}`;
    const [cached, uncached] = await perCall(() => header, [
      (h) => authenticateBearer(h, "bench"),
      async (h) => {
        forgetCachedTokens();
        await authenticateBearer(h, "bench");
      },
    ]);
    return { target: "informative: what the token cache saves per API request", cached, uncached, savedP50Ms: ms3(uncached.p50Ms - cached.p50Ms) };
  });
}

/**
 * The token cache end to end: GET a slice through the served API, closed loop, alternating
 * three times between one token (cache hits) and 1,100 tokens taken in turn (more than the
 * cache's 1,000 entries, so each lookup has been evicted by the time it comes again).
 */
async function benchTokenCacheHttp(ctx: BenchContext) {
  const programme = await ctx.db.programme.findUniqueOrThrow({ where: { slug: ctx.slug }, select: { id: true } });
  const sliceIds = (await ctx.db.slice.findMany({ where: { programmeId: programme.id }, select: { id: true }, take: 200 })).map((s) => s.id);
  const user = await ctx.db.user.create({ data: { email: `bench-tokens-${randomUUID()}@bench.ferry.local`, name: "Bench tokens", isAdmin: true } });
  const tokens = Array.from({ length: 1_100 }, () => generateToken());
  await ctx.db.apiToken.createMany({ data: tokens.map((t) => ({ userId: user.id, name: "bench cache", tokenHash: hashToken(t), prefix: tokenPrefix(t), lastUsedAt: new Date() })) });
  const requests = (token: (i: number) => string) =>
    Array.from({ length: 3_000 }, (_, i) => ({ method: "GET", url: `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/slices/${sliceIds[i % sliceIds.length]}`, headers: { authorization: `Bearer ${token(i)}` } }));
  const cachedRuns = [];
  const uncachedRuns = [];
  await runLoad(requests(() => tokens[0]), { clients: 20 }); // warm-up
  for (let round = 0; round < 3; round++) {
    cachedRuns.push(await runLoad(requests(() => tokens[0]), { clients: 20 }));
    uncachedRuns.push(await runLoad(requests((i) => tokens[i % tokens.length]), { clients: 20 }));
  }
  const summary = (runs: Awaited<ReturnType<typeof runLoad>>[]) => ({ perSecond: runs.map((r) => r.perSecond), p50Ms: runs.map((r) => r.p50Ms), p95Ms: runs.map((r) => r.p95Ms), errors: runs.reduce((n, r) => n + r.errors, 0) });
  return { target: "informative: the API read path with and without the token cache", clients: 20, cached: summary(cachedRuns), uncached: summary(uncachedRuns) };
}

export const microBenchmarks: Benchmark[] = [
  { name: "micro_body_checks", run: benchBodyChecks },
  { name: "micro_signin_limiter", run: benchSignInLimiter },
  { name: "micro_token_lookup", run: benchTokenLookup },
  { name: "micro_token_cache_http", run: benchTokenCacheHttp },
];
