/**
 * Uploads for the hostile-import spec, over node:http so that the framing is the test's own
 * (a declared length, or chunked with none), and a watcher that polls /api/health while an
 * upload runs: an import that hogs a web process shows up as a slow health answer.
 */
import http from "node:http";
import net from "node:net";

export type Upload = { status: number; body: string; ms: number; sentBytes: number };

/**
 * Sends `size` bytes made by `chunkAt` (64 KiB at a time, each once the last was written) on a raw
 * socket and stops sending as soon as the server answers. A raw socket, because a server that
 * refuses early may close while bytes are in flight, and Node's HTTP client then reports the
 * write error and drops the answer it had already received.
 */
export function upload(url: string, opts: { headers: Record<string, string>; size: number; chunkAt: (offset: number, length: number) => Buffer; chunked: boolean; timeoutMs?: number }): Promise<Upload> {
  const started = performance.now();
  const u = new URL(url);
  const headers: Record<string, string> = { host: u.host, connection: "close", ...opts.headers, ...(opts.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(opts.size) }) };
  const head = `POST ${u.pathname}${u.search} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let received = Buffer.alloc(0);
    let writeError: Error | null = null;
    const socket = net.connect(Number(u.port), u.hostname);
    const timer = setTimeout(() => socket.destroy(new Error("upload got no answer in time")), opts.timeoutMs ?? 60_000);
    const answered = () => received.includes("\r\n\r\n");
    const finish = () => {
      clearTimeout(timer);
      const text = received.toString("utf8");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      if (!status) return reject(new Error(`no HTTP answer: the connection closed after ${sent} bytes sent and ${received.length} received${writeError ? ` (${writeError.message})` : ""}`));
      const body = text.slice(text.indexOf("\r\n\r\n") + 4);
      resolve({ status, body: /transfer-encoding: chunked/i.test(text.slice(0, text.indexOf("\r\n\r\n"))) ? unchunk(body) : body, ms: performance.now() - started, sentBytes: sent });
    };
    // A server that refuses early answers, closes, and resets the connection as more bytes
    // arrive, so a write may fail (EPIPE) while the answer sits unread in the receive buffer.
    // Node destroys a socket on a write error, unread input and all, so that is turned off for
    // this one: a failed write stops the sending, and the reading goes on until the server's
    // end (FIN) or reset. Each chunk is made first and written only after the event loop has
    // polled for input, so an answer that came stops the upload before the next write.
    // (Streams destroy on an error when either side's autoDestroy is set.)
    const states = socket as unknown as { _writableState: { autoDestroy: boolean }; _readableState: { autoDestroy: boolean } };
    states._writableState.autoDestroy = states._readableState.autoDestroy = false;
    // Done as soon as the whole answer is in: a server that keeps the connection open after
    // an early refusal (waiting for the rest of a body it will never read) is not waited for.
    socket.on("data", (d: Buffer) => {
      received = Buffer.concat([received, d]);
      if (answerComplete(received)) socket.destroy();
    });
    socket.on("end", () => socket.destroy());
    socket.on("close", finish);
    socket.on("error", (e) => (writeError = e));
    const pump = () => {
      if (sent >= opts.size || answered() || socket.destroyed || writeError) return;
      const n = Math.min(64 * 1024, opts.size - sent);
      const chunk = opts.chunkAt(sent, n);
      const framed = opts.chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), chunk, Buffer.from("\r\n"), Buffer.from(sent + n >= opts.size ? "0\r\n\r\n" : "")]) : chunk;
      setImmediate(() => {
        if (answered() || socket.destroyed || writeError) return;
        sent += n;
        socket.write(framed, (e) => (e ? (writeError = e) : pump()));
      });
    };
    socket.once("connect", () => {
      socket.write(head);
      pump();
    });
  });
}

/** Whether `received` holds a whole HTTP answer: its head and the body its framing promises. */
function answerComplete(received: Buffer): boolean {
  const end = received.indexOf("\r\n\r\n");
  if (end < 0) return false;
  const head = received.subarray(0, end).toString("latin1");
  const body = received.subarray(end + 4);
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) return body.includes("\r\n0\r\n\r\n") || body.subarray(0, 5).toString("latin1") === "0\r\n\r\n";
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  return length !== null && body.length >= Number(length[1]);
}

function unchunk(body: string): string {
  let out = "";
  let rest = body;
  for (;;) {
    const eol = rest.indexOf("\r\n");
    const n = parseInt(rest.slice(0, eol), 16);
    if (!n) return out;
    out += rest.slice(eol + 2, eol + 2 + n);
    rest = rest.slice(eol + 2 + n + 2);
  }
}

/** A whole body in one go. */
export const uploadText = (url: string, headers: Record<string, string>, text: string | Buffer, chunked = false) => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  return upload(url, { headers, size: buf.length, chunkAt: (o, n) => buf.subarray(o, o + n), chunked });
};

export type HealthWatch = { stop: () => Promise<{ polls: number; maxMs: number; p95Ms: number; failures: string[] }> };

/**
 * Polls GET /api/health every 20 ms, each on a fresh connection, as a load balancer's probe
 * would, so no kept-alive socket gets ahead of the queue the upload is holding up.
 */
export function watchHealth(base: string): HealthWatch {
  let running = true;
  const durations: number[] = [];
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
      durations.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const sorted = [...durations].sort((a, b) => a - b);
      const p95Ms = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] : 0;
      return { polls: sorted.length, maxMs: sorted.at(-1) ?? 0, p95Ms, failures };
    },
  };
}
