/**
 * Ticks against the served large programme: the bulk tick of 1,000 items across 40 slices
 * (<= 500 ms), and single ticks through the REST PATCH from 50 keep-alive clients offering
 * 300 ticks/s together for 20 s (p95 <= 30 ms, no errors), then the same clients as fast as
 * answers come (the capacity).
 */
import { runLoad, type LoadRequest } from "./load";
import { percentile, round } from "./measure";
import type { Benchmark, BenchContext } from "./suites";

const CLIENTS = 50;
const TICK_RATE = 300;
const PACED_SECONDS = 20;
const PACED_TICKS = TICK_RATE * PACED_SECONDS;
const CAPACITY_TICKS = 4_000;
// Enough to open every pooled connection and compile the route before anything is measured.
const WARMUP_TICKS = 1_000;

const BULK_SLICES = 40;
const BULK_PER_SLICE = 25;
const BULK_RUNS = 6;
const BULK_WARMUP = 1;

type Item = { id: string; sliceId: string };

/** Open items on slices below 100% in random order (as many pipelines would send them), outside the given slices. */
async function openItems(ctx: BenchContext, n: number, excludeSlices: string[] = []): Promise<Item[]> {
  const items = await ctx.db.$queryRaw<Item[]>`
    SELECT i.id, i."sliceId" FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId" JOIN "Programme" p ON p.id = s."programmeId"
    WHERE p.slug = ${ctx.slug} AND i.state = 'open' AND s.stage <> '100' AND NOT (s.id = ANY(${excludeSlices}::text[]))
    ORDER BY md5(i.id) LIMIT ${n}`;
  if (items.length < n) throw new Error(`only ${items.length} open items to tick, ${n} needed`);
  return items;
}

const auth = (ctx: BenchContext) => ({ authorization: `Bearer ${ctx.token}`, "content-type": "application/json" });

/** Single ticks: 300/s offered for 20 s, then the capacity of the same 50 clients. */
async function benchSingleTicks(ctx: BenchContext) {
  const items = await openItems(ctx, WARMUP_TICKS + PACED_TICKS + CAPACITY_TICKS);
  const tick = (i: Item): LoadRequest => ({
    method: "PATCH",
    url: `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/slices/${i.sliceId}/checklist/${i.id}`,
    headers: auth(ctx),
    body: JSON.stringify({ state: "done", evidenceUrl: "https://ci.example/bench" }),
  });
  const requests = items.map(tick);
  const warmup = await runLoad(requests.slice(0, WARMUP_TICKS), { clients: CLIENTS });
  const paced = await runLoad(requests.slice(WARMUP_TICKS, WARMUP_TICKS + PACED_TICKS), { clients: CLIENTS, ratePerSecond: TICK_RATE });
  const capacity = await runLoad(requests.slice(WARMUP_TICKS + PACED_TICKS), { clients: CLIENTS });
  await reopen(ctx, items);
  return {
    target: "p95 <= 30 ms and 0 errors with 50 keep-alive clients offering 300 ticks/s for 20 s",
    clients: CLIENTS,
    offeredPerSecond: TICK_RATE,
    ticksPerSecond: paced.perSecond,
    n: paced.n,
    errors: paced.errors + warmup.errors,
    seconds: paced.seconds,
    p50Ms: paced.p50Ms,
    p95Ms: paced.p95Ms,
    p99Ms: paced.p99Ms,
    maxMs: paced.maxMs,
    capacityPerSecond: capacity.perSecond,
    capacityP50Ms: capacity.p50Ms,
    capacityP95Ms: capacity.p95Ms,
    capacityErrors: capacity.errors,
  };
}

/**
 * Opens the ticked items again, through the bulk tick, so the benchmarks after this one (the
 * mixed load) find the programme's open items as the seed left them.
 */
async function reopen(ctx: BenchContext, items: Item[]) {
  for (let k = 0; k < items.length; k += 1000) {
    const ticks = items.slice(k, k + 1000).map((i) => ({ sliceId: i.sliceId, itemId: i.id, state: "open" }));
    const res = await fetch(`${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/checklist/ticks`, { method: "POST", headers: auth(ctx), body: JSON.stringify({ ticks }) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`reopening the ticked items answered ${res.status}`);
  }
}

/** Slices below 100% with at least BULK_PER_SLICE open items, in random order. */
async function bulkSlices(ctx: BenchContext, n: number): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Slice" s JOIN "Programme" p ON p.id = s."programmeId" JOIN "ChecklistItem" i ON i."sliceId" = s.id
    WHERE p.slug = ${ctx.slug} AND s.stage <> '100' AND i.state = 'open'
    GROUP BY s.id HAVING count(*) >= ${BULK_PER_SLICE} ORDER BY md5(s.id) LIMIT ${n}`;
  if (rows.length < n) throw new Error(`only ${rows.length} slices with ${BULK_PER_SLICE} open items, ${n} needed`);
  return rows.map((r) => r.id);
}

/** One POST of 1,000 ticks (25 open items on each of 40 slices), timed to the whole answer. */
async function benchBulkTick(ctx: BenchContext) {
  const sliceIds = await bulkSlices(ctx, BULK_SLICES * (BULK_RUNS + BULK_WARMUP));
  const items = await ctx.db.checklistItem.findMany({ where: { sliceId: { in: sliceIds }, state: "open" }, select: { id: true, sliceId: true }, orderBy: { id: "asc" } });
  const bySlice = new Map<string, Item[]>();
  for (const i of items) bySlice.set(i.sliceId, [...(bySlice.get(i.sliceId) ?? []), i]);
  const times: number[] = [];
  for (let run = 0; run < BULK_RUNS + BULK_WARMUP; run++) {
    const slices = sliceIds.slice(run * BULK_SLICES, (run + 1) * BULK_SLICES);
    // Interleaved across the slices, as a pipeline reporting per check would send them.
    const ticks = Array.from({ length: BULK_PER_SLICE }, (_, k) => slices.map((s) => bySlice.get(s)![k])).flat();
    const body = JSON.stringify({ ticks: ticks.map((i, n) => ({ sliceId: i.sliceId, itemId: i.id, state: "done", evidenceUrl: `https://ci.example/bench/${run}/${n}` })) });
    const t0 = performance.now();
    const res = await fetch(`${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/checklist/ticks`, { method: "POST", headers: auth(ctx), body });
    const answer = (await res.json()) as { items?: unknown[] };
    const ms = performance.now() - t0;
    if (res.status !== 200 || answer.items?.length !== ticks.length) throw new Error(`bulk tick answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    if (run >= BULK_WARMUP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    target: "<= 500 ms for 1,000 ticks across 40 slices",
    items: BULK_SLICES * BULK_PER_SLICE,
    slices: BULK_SLICES,
    n: times.length,
    p50Ms: round(percentile(times, 50)),
    maxMs: round(times[times.length - 1]),
  };
}

// The bulk tick first: it needs slices with many open items, which the single ticks thin out.
export const ticksBenchmarks: Benchmark[] = [
  { name: "tick_bulk", run: benchBulkTick },
  { name: "tick_item", run: benchSingleTicks },
];
