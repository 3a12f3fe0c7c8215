/**
 * Uploads for the hostile-import spec, over node:http so that the framing is the test's own
 * (a declared length, or chunked with none), and a watcher that polls /api/health while an
 * upload runs: an import that hogs a web process shows up as a slow health answer.
 */
import http from "node:http";

export type Upload = { status: number; body: string; ms: number; sentBytes: number };

/**
 * Sends `size` bytes made by `chunkAt` (1 MiB at a time, respecting back-pressure) and stops
 * sending as soon as the server answers: a server that refuses early must not be made to
 * wait for, or read, the rest.
 */
export function upload(url: string, opts: { headers: Record<string, string>; size: number; chunkAt: (offset: number, length: number) => Buffer; chunked: boolean; timeoutMs?: number }): Promise<Upload> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers = { ...opts.headers, ...(opts.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(opts.size) }) };
    const req = http.request(url, { method: "POST", headers, agent: false, timeout: opts.timeoutMs ?? 60_000 }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started, sentBytes: sent }));
      res.on("error", reject);
    });
    // After an early answer the server may close while bytes are still in flight: that is the
    // refusal working, not a failure (the answer has been read).
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    req.on("timeout", () => req.destroy(new Error("upload got no answer in time")));
    const CHUNK = 1024 * 1024;
    const pump = () => {
      while (sent < opts.size && !answered && !req.destroyed) {
        const n = Math.min(CHUNK, opts.size - sent);
        const ok = req.write(opts.chunkAt(sent, n));
        sent += n;
        if (!ok) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** A whole body in one go. */
export const uploadText = (url: string, headers: Record<string, string>, text: string | Buffer, chunked = false) => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  return upload(url, { headers, size: buf.length, chunkAt: (o, n) => buf.subarray(o, o + n), chunked });
};

export type HealthWatch = { stop: () => Promise<{ polls: number; maxMs: number; failures: string[] }> };

/**
 * Polls GET /api/health every 20 ms, each on a fresh connection so that the web server
 * processes (which take connections in turn) are all sampled, including the busy one.
 */
export function watchHealth(base: string): HealthWatch {
  let running = true;
  let polls = 0;
  let maxMs = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const status = await new Promise<number>((resolve, reject) => {
          const req = http.get(`${base}/api/health`, { agent: false, timeout: 10_000 }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          });
          req.on("timeout", () => req.destroy(new Error("health: no answer in 10 s")));
          req.on("error", reject);
        });
        if (status !== 200) failures.push(`health answered ${status}`);
      } catch (e) {
        failures.push((e as Error).message);
      }
      polls++;
      maxMs = Math.max(maxMs, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { polls, maxMs, failures };
    },
  };
}
