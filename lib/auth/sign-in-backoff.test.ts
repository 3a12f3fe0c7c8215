import { describe, expect, it } from "vitest";
import { ADDRESS_FACTOR, backoffMs, decideAddress, decidePair, FORGET_MS, MAX_BACKOFF_MS, WINDOW_MS, type Counter, type Decision } from "./sign-in-backoff";

const MAX = 10;
const T = 1_000_000_000;
const after = (d: Decision): Counter => {
  if (!d.allowed) throw new Error("refused");
  return d.next;
};
/** Runs `n` attempts at time `at` from `counter`, returning the counter after them. */
const run = (counter: Counter | null, n: number, at: number, decide = decidePair) => {
  for (let i = 0; i < n; i++) counter = after(decide(counter, at, MAX));
  return counter;
};

describe("decidePair", () => {
  it("allows max attempts in the window, then refuses until the window after the last one", () => {
    const c = run(null, MAX, T);
    expect(decidePair(c, T + 1, MAX)).toEqual({ allowed: false, retryAfterMs: WINDOW_MS - 1 });
    expect(decidePair(c, T + WINDOW_MS, MAX).allowed).toBe(true);
  });

  it("doubles the wait with each further failure, up to the cap", () => {
    let c = run(null, MAX, T);
    let at = T;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = backoffMs(c!.failures, MAX);
      waits.push(wait / 60_000);
      expect(decidePair(c, at + wait - 1, MAX).allowed).toBe(false);
      at += wait;
      c = after(decidePair(c, at, MAX));
    }
    expect(waits).toEqual([5, 10, 20, 40, 60, 60]);
    expect(backoffMs(1000, MAX)).toBe(MAX_BACKOFF_MS);
  });

  it("refused attempts do not lengthen the wait", () => {
    const c = run(null, MAX, T);
    for (let at = T; at < T + WINDOW_MS; at += 10_000) expect(decidePair(c, at, MAX).allowed).toBe(false);
    expect(decidePair(c, T + WINDOW_MS, MAX).allowed).toBe(true);
  });

  it("fewer than max failures in a window are forgotten with the window", () => {
    const c = run(null, MAX - 1, T);
    expect(after(decidePair(c, T + WINDOW_MS, MAX))).toEqual({ failures: 1, windowStart: T + WINDOW_MS, lastAttempt: T + WINDOW_MS });
  });

  it("a long back-off persists across hours but is forgotten after a quiet day", () => {
    const c: Counter = { failures: MAX + 20, windowStart: T, lastAttempt: T };
    expect(decidePair(c, T + MAX_BACKOFF_MS - 1, MAX).allowed).toBe(false);
    expect(after(decidePair(c, T + MAX_BACKOFF_MS, MAX)).failures).toBe(MAX + 21);
    expect(after(decidePair(c, T + FORGET_MS, MAX)).failures).toBe(1);
  });
});

describe("decideAddress", () => {
  it(`allows ${ADDRESS_FACTOR} times max attempts per window, then refuses until the window ends`, () => {
    const c = run(null, MAX * ADDRESS_FACTOR, T, decideAddress);
    expect(decideAddress(c, T + 1000, MAX)).toEqual({ allowed: false, retryAfterMs: WINDOW_MS - 1000 });
    expect(after(decideAddress(c, T + WINDOW_MS, MAX)).failures).toBe(1);
  });
});
