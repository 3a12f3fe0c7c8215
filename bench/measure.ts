/** Timing helpers for benchmarks: percentiles over repeated runs, and one JSON line each. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round = (ms: number) => Math.round(ms * 100) / 100;

/** Runs `fn` `warmup` times unmeasured, then `n` times, and returns p50/p95/max in ms. */
export async function timeRuns(n: number, fn: () => Promise<void>, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { n, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(times[times.length - 1]) };
}

/** Fetches a URL and reads the whole body (server response time), failing on a non-2xx. */
export async function fetchFully(url: string, init?: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${res.status}`);
}

/** Prints one measurement as a JSON line (the format `npm run bench` promises). */
export function report(result: Record<string, unknown>): void {
  console.log(JSON.stringify(result));
}
