/**
 * Slices at work against the served large programme: stage moves through the REST POST
 * (p95 ≤ 50 ms) and the slice page's server response (≤ 150 ms) signed in as an
 * administrator. Ticks have their own file (ticks.ts).
 */
import { randomUUID } from "node:crypto";
import { createPasswordUser } from "../lib/auth/credentials";
import { timeRuns } from "./measure";
import type { Benchmark, BenchContext } from "./suites";
import { STAGES, stageFromDb, stageIndex } from "../lib/slices/stages";

async function send(url: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${init.method} ${url} answered ${res.status}`);
}

const json = (token: string, method: string, body: unknown): RequestInit => ({ method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

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
  { name: "stage_move", run: benchStageMoves },
  { name: "slice_page", run: benchSlicePage },
];
