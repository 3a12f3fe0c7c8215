/**
 * The sign-in limiter's rules, as pure functions over one counter row (lib/auth/sign-in-limiter.ts
 * reads and writes the rows). Two counters decide every password attempt:
 *
 * - per account and client address: `max` attempts in a window, then a back-off that doubles
 *   with each further failure (capped), forgotten after a quiet day or a success. Only that
 *   pair waits: the same account from another address is not affected, so a third party
 *   cannot lock a user out of their own account.
 * - per client address, over every account: `max * ADDRESS_FACTOR` attempts per window, so one
 *   address cannot spray a password across many accounts.
 *
 * Successes are refunded by the caller, so only attempts that were not successes count.
 */

export const WINDOW_MS = 5 * 60_000;
/** The longest a pair waits between attempts, however many it failed. */
export const MAX_BACKOFF_MS = 60 * 60_000;
/** A pair with no attempt for this long starts afresh. */
export const FORGET_MS = 24 * 60 * 60_000;
/** The per-address limit is this many times the per-account one: offices share an address. */
export const ADDRESS_FACTOR = 5;

export type Counter = { failures: number; windowStart: number; lastAttempt: number };
export type Decision = { allowed: true; next: Counter } | { allowed: false; retryAfterMs: number };

const fresh = (now: number): Decision => ({ allowed: true, next: { failures: 1, windowStart: now, lastAttempt: now } });
const counted = (c: Counter, now: number): Decision => ({ allowed: true, next: { failures: c.failures + 1, windowStart: c.windowStart, lastAttempt: now } });

/** How long a pair that failed `failures` times (at least `max`) waits after its last attempt. */
export function backoffMs(failures: number, max: number): number {
  return Math.min(WINDOW_MS * 2 ** Math.max(0, failures - max), MAX_BACKOFF_MS);
}

/** One attempt for an account from an address. Refused attempts change nothing. */
export function decidePair(counter: Counter | null, now: number, max: number): Decision {
  if (!counter || now - counter.lastAttempt >= FORGET_MS) return fresh(now);
  if (counter.failures < max) return now - counter.windowStart >= WINDOW_MS ? fresh(now) : counted(counter, now);
  const until = counter.lastAttempt + backoffMs(counter.failures, max);
  return now < until ? { allowed: false, retryAfterMs: until - now } : counted(counter, now);
}

/** One attempt from an address, whatever the account. Refused attempts change nothing. */
export function decideAddress(counter: Counter | null, now: number, max: number): Decision {
  if (!counter || now - counter.windowStart >= WINDOW_MS) return fresh(now);
  if (counter.failures >= max * ADDRESS_FACTOR) return { allowed: false, retryAfterMs: counter.windowStart + WINDOW_MS - now };
  return counted(counter, now);
}
