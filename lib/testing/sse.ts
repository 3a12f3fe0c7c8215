/**
 * A server-sent event client for tests and benchmarks, on node:http: it records every event
 * with the time it arrived, and can wait for one.
 */
import http from "node:http";

export type SseEvent = { id?: string; event: string; data: string; at: number };
export type SseClient = { status: Promise<number>; events: SseEvent[]; waitFor: (match: (e: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>; close: () => void; closed: Promise<void> };

export function openSse(url: string, headers: Record<string, string> = {}, agent: http.Agent | false = false): SseClient {
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let resolveStatus: (s: number) => void = () => {};
  let resolveClosed: () => void = () => {};
  const status = new Promise<number>((r) => (resolveStatus = r));
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const req = http.get(url, { headers: { accept: "text/event-stream", ...headers }, agent }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding("utf8");
    let buffer = "";
    res.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e: SseEvent = { event: "message", data: "", at: performance.now() };
        let hasData = false;
        for (const line of block.split("\n")) {
          const [field, ...rest] = line.split(":");
          const value = rest.join(":").replace(/^ /, "");
          if (field === "id") e.id = value;
          else if (field === "event") e.event = value;
          else if (field === "data") {
            e.data += value;
            hasData = true;
          }
        }
        if (hasData) events.push(e);
      }
      for (const w of [...waiters]) w();
    });
    res.on("close", () => resolveClosed());
  });
  req.on("error", () => {
    resolveStatus(0);
    resolveClosed();
  });
  const waitFor = (match: (e: SseEvent) => boolean, timeoutMs = 5_000) =>
    new Promise<SseEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.event, e.id]))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { status, events, waitFor, close: () => req.destroy(), closed };
}
