/**
 * Benchmarks of issue 6 against the served large programme: ticking through the REST PATCH
 * with 50 concurrent clients (p95 ≤ 30 ms at ≥ 500 ticks/s), stage moves through the REST POST
 * (p95 ≤ 50 ms), and the slice page's server response (≤ 150 ms) signed in as an administrator.
 */
import { randomUUID } from "node:crypto";
import { createPasswordUser } from "../lib/auth/credentials";
import { timeRuns } from "./measure";
import { runLoad, type LoadRequest } from "./load";
import type { Benchmark, BenchContext } from "./suites";
import { STAGES, stageFromDb, stageIndex } from "../lib/slices/stages";

const CLIENTS = 50;
const TICK_RATE = 500;
const PACED_TICKS = 5_000;
const CAPACITY_TICKS = 2_500;
// Enough to open every pooled connection and compile the hot path in every server process.
const WARMUP_TICKS = 1_000;

async function send(url: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${init.method} ${url} answered ${res.status}`);
}

const json = (token: string, method: string, body: unknown): RequestInit => ({ method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

/**
 * Ticks through the REST PATCH, each on a different open item, in random order over the
 * programme's slices in flight (as many pipelines would send them): 50 clients together
 * offering 500 ticks/s (achieved rate and latency), then the same clients as fast as answers
 * come (the capacity).
 */
async function benchTicks(ctx: BenchContext) {
  const items = await ctx.db.$queryRaw<{ id: string; sliceId: string }[]>`
    SELECT i.id, i."sliceId" FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId" JOIN "Programme" p ON p.id = s."programmeId"
    WHERE p.slug = ${ctx.slug} AND i.state = 'open' AND s.stage <> '100'
    ORDER BY md5(i.id) LIMIT ${WARMUP_TICKS + PACED_TICKS + CAPACITY_TICKS}`;
  if (items.length < WARMUP_TICKS + PACED_TICKS + CAPACITY_TICKS) throw new Error(`only ${items.length} open items to tick`);
  const tick = (i: { id: string; sliceId: string }): LoadRequest => ({
    method: "PATCH",
    url: `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/slices/${i.sliceId}/checklist/${i.id}`,
    headers: { authorization: `Bearer ${ctx.token}`, "content-type": "application/json" },
    body: JSON.stringify({ state: "done", evidenceUrl: "https://ci.example/bench" }),
  });
  const requests = items.map(tick);
  await runLoad(requests.slice(0, WARMUP_TICKS), { clients: CLIENTS });
  const paced = await runLoad(requests.slice(WARMUP_TICKS, WARMUP_TICKS + PACED_TICKS), { clients: CLIENTS, ratePerSecond: TICK_RATE });
  const capacity = await runLoad(requests.slice(WARMUP_TICKS + PACED_TICKS), { clients: CLIENTS });
  return {
    target: "p95 <= 30 ms with 50 clients, >= 500 ticks/s",
    clients: CLIENTS,
    offeredPerSecond: TICK_RATE,
    ticksPerSecond: paced.perSecond,
    n: paced.n,
    p50Ms: paced.p50Ms,
    p95Ms: paced.p95Ms,
    p99Ms: paced.p99Ms,
    maxMs: paced.maxMs,
    capacityPerSecond: capacity.perSecond,
    capacityP95Ms: capacity.p95Ms,
  };
}

/** Alternating one-step rollbacks and advances on slices whose gates are already ticked. */
async function benchStageMoves(ctx: BenchContext) {
  const slices = await ctx.db.slice.findMany({ where: { programme: { slug: ctx.slug }, status: { in: ["parallel_run", "shifting", "live"] } }, select: { id: true, stage: true }, take: 60 });
  if (slices.length === 0) throw new Error("no slice in flight to move");
  const moves = slices.flatMap((s) => {
    const stage = stageFromDb(s.stage);
    const lower = STAGES[stageIndex(stage) - 1];
    return [
      { id: s.id, body: { to: lower, reason: "bench rollback", signal: "latency" } },
      { id: s.id, body: { to: stage } },
    ];
  });
  let i = 0;
  const stats = await timeRuns(moves.length - 4, async () => {
    const move = moves[i++];
    await send(`${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/slices/${move.id}/stage`, json(ctx.token, "POST", move.body));
  }, 4);
  return { target: "p95 <= 50 ms", ...stats };
}

/** The slice page's full server response for a slice in flight, signed in as an administrator. */
async function benchSlicePage(ctx: BenchContext) {
  const email = `bench-slices-${randomUUID().slice(0, 8)}@ferry.local`;
  const password = `bench-${randomUUID()}`;
  await createPasswordUser(ctx.db, { email, name: "Bench admin", password, isAdmin: true });
  const signIn = await fetch(`${ctx.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ctx.baseUrl }, body: JSON.stringify({ email, password }) });
  await signIn.arrayBuffer();
  if (!signIn.ok) throw new Error(`bench sign-in answered ${signIn.status}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const slice = await ctx.db.slice.findFirstOrThrow({ where: { programme: { slug: ctx.slug }, status: "shifting" }, select: { id: true } });
  const url = `${ctx.baseUrl}/p/${ctx.slug}/slices/${slice.id}`;
  return {
    target: "p95 <= 150 ms",
    ...(await timeRuns(30, async () => {
      const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    })),
  };
}

export const slicesBenchmarks: Benchmark[] = [
  { name: "tick_item", run: benchTicks },
  { name: "stage_move", run: benchStageMoves },
  { name: "slice_page", run: benchSlicePage },
];
