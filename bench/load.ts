/**
 * Load from many concurrent clients, on keep-alive connections through node:http: lighter
 * than fetch, whose per-request cost on this machine's two cores would be charged to the
 * server under test.
 */
import http from "node:http";
import { percentile, round } from "./measure";

export type LoadRequest = { method: string; url: string; headers: Record<string, string>; body?: string };

/** One request; resolves with the status once the whole answer has arrived. */
function send(agent: http.Agent, req: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const r = http.request(req.url, { method: req.method, agent, headers: { ...req.headers, ...(body ? { "content-length": String(body.length) } : {}) } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    r.on("error", reject);
    r.end(body);
  });
}

export type LoadResult = { clients: number; n: number; errors: number; seconds: number; perSecond: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

/**
 * `clients` clients share the requests; each has one request in flight at a time. With
 * `ratePerSecond`, each client sends on a fixed schedule (together, that rate) and at once
 * when it has fallen behind, so a server slower than the rate shows as fewer requests per
 * second, not as an endless queue; without, each sends as soon as its last answer came.
 * Latency runs from sending to the whole answer. Any status but 2xx, or a failed connection,
 * counts as an error (and the first is printed to stderr) rather than ending the run, so a
 * run reports how many there were; `n` and the latencies are those of the answered requests.
 */
export async function runLoad(requests: LoadRequest[], opts: { clients: number; ratePerSecond?: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const times: number[] = [];
  let errors = 0;
  const fail = (what: string) => {
    if (errors++ === 0) console.error(`load: ${what}`);
  };
  const interval = opts.ratePerSecond ? (1000 * opts.clients) / opts.ratePerSecond : 0;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: opts.clients }, async (_, c) => {
        // Clients start spread over one interval, as independent pipelines would.
        let due = t0 + (interval * c) / opts.clients;
        for (let k = c; k < requests.length; k += opts.clients) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const start = performance.now();
          const status = await send(agent, requests[k]).catch((error: Error) => `failed: ${error.message}`);
          if (typeof status === "number" && status >= 200 && status <= 299) times.push(performance.now() - start);
          else fail(`${requests[k].method} ${requests[k].url} ${typeof status === "number" ? `answered ${status}` : status}`);
          due += interval;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    clients: opts.clients,
    n: times.length,
    errors,
    seconds: round(seconds),
    perSecond: Math.round(times.length / seconds),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1]),
  };
}
