/**
 * Wave planning benchmarks (issue 5), run by `npm run bench -- plan wave` against the served
 * large programme (5,000 services, 2,000 slices, 25 waves): the plan preview through the API
 * (target ≤ 500 ms), the stored waves through the API, and the wave board's server response
 * (target ≤ 300 ms), signed in as a bench administrator. Nothing here writes to the plan.
 */
import { randomUUID } from "node:crypto";
import { createPasswordUser } from "@/lib/auth/credentials";
import { fetchFully, timeRuns } from "./measure";
import type { Benchmark, BenchContext } from "./suites";

/** A session cookie for a fresh administrator, signed in through the real sign-in endpoint. */
async function sessionCookie(ctx: BenchContext): Promise<string> {
  const email = `bench-${randomUUID().slice(0, 8)}@ferry.local`;
  const password = `bench-${randomUUID()}`;
  await createPasswordUser(ctx.db, { email, name: "Bench admin", password, isAdmin: true });
  const res = await fetch(`${ctx.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ctx.baseUrl }, body: JSON.stringify({ email, password }) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`bench sign-in answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** A page's full server response; a redirect (to sign-in) is a failure, not a fast page. */
async function getPage(url: string, cookie: string): Promise<number> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return bytes;
}

export const wavesBenchmarks: Benchmark[] = [
  {
    name: "plan_preview_api",
    run: async (ctx) => {
      const init = { method: "POST", headers: { authorization: `Bearer ${ctx.token}`, "content-type": "application/json" }, body: "{}" };
      const url = `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/plan`;
      return { target: "p95 <= 500 ms", ...(await timeRuns(20, () => fetchFully(url, init), 2)) };
    },
  },
  {
    name: "waves_api",
    run: async (ctx) => {
      const url = `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/waves`;
      return timeRuns(20, () => fetchFully(url, { headers: { authorization: `Bearer ${ctx.token}` } }), 2);
    },
  },
  {
    name: "wave_board_page",
    run: async (ctx) => {
      const cookie = await sessionCookie(ctx);
      const url = `${ctx.baseUrl}/p/${ctx.slug}/waves`;
      const bytes = await getPage(url, cookie);
      return { target: "p95 <= 300 ms", slices: await ctx.db.slice.count({ where: { programme: { slug: ctx.slug } } }), kb: Math.round(bytes / 1024), ...(await timeRuns(20, async () => void (await getPage(url, cookie)), 2)) };
    },
  },
];
