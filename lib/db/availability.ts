/**
 * Whether the database answers, as proxy.ts needs to know before a page renders: a page that
 * fails while rendering can only be a 500 (Next has no 503 for renders), so the proxy answers
 * the friendly 503 page itself while the database is down. One cheap probe (`SELECT 1` through
 * the app's own client, so the embedded database's one connection is shared, not doubled) at
 * most once a second per process; an error that any request saw marks it down at once. Per
 * process, so per replica, on purpose: each answers for the database as it reaches it (ADR 25).
 */
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "./errors";

/** How long a successful probe is trusted. */
const FRESH_MS = 1_000;
/** A probe slower than this says nothing new (a busy pool, or a connect still hanging): the last verdict stands. */
const PROBE_TIMEOUT_MS = 1_500;

type State = { checkedAt: number; up: boolean; probe?: Promise<boolean> };
// On globalThis: the proxy and every route bundle of a process share one view.
const globalForAvailability = globalThis as unknown as { ferryDbAvailability?: State };
const state = (globalForAvailability.ferryDbAvailability ??= { checkedAt: 0, up: true });

/** Called with any error a request hit: a connection error marks the database down now. */
export function noteDatabaseError(error: unknown): void {
  if (isDatabaseUnavailable(error)) {
    state.up = false;
    state.checkedAt = Date.now();
  }
}

/** False only when a probe just failed with a connection error. */
export async function isDatabaseReachable(now = Date.now()): Promise<boolean> {
  // A down verdict is re-probed (at most once per FRESH_MS too), so recovery is seen quickly.
  if (now - state.checkedAt < FRESH_MS) return state.up;
  state.probe ??= probe().finally(() => {
    state.probe = undefined;
  });
  return state.probe;
}

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), PROBE_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([db.$queryRaw`SELECT 1`.then(() => "up" as const), timeout]);
    if (outcome === "up") state.up = true;
  } catch (error) {
    state.up = !isDatabaseUnavailable(error);
  } finally {
    clearTimeout(timer);
  }
  state.checkedAt = Date.now();
  return state.up;
}
