/**
 * Signed-in page requests for the benchmarks: a page fetched without a session times the
 * redirect to sign-in, not the page, so every page benchmark signs in and checks for a 200.
 */
import { randomUUID } from "node:crypto";
import { createPasswordUser } from "@/lib/auth/credentials";
import type { BenchContext } from "./suites";

/** Signs a fresh administrator in; the `name=value` pairs of its session cookies. */
export async function signInPairs(ctx: BenchContext): Promise<{ name: string; value: string }[]> {
  const email = `bench-${randomUUID().slice(0, 8)}@bench.ferry.local`;
  const password = `bench-${randomUUID()}`;
  await createPasswordUser(ctx.db, { email, name: "Bench admin", password, isAdmin: true });
  const res = await fetch(`${ctx.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ctx.baseUrl }, body: JSON.stringify({ email, password }) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`sign-in for the benchmark answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    return { name: pair.slice(0, i), value: pair.slice(i + 1) };
  });
}

/** The same session as a Cookie header. */
export async function signIn(ctx: BenchContext): Promise<string> {
  return (await signInPairs(ctx)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A server response must be a 200 page, not a redirect to sign-in. */
export async function getPage(url: string, cookie: string) {
  const res = await fetch(url, { redirect: "manual", headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
}
