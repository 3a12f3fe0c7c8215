/**
 * TRACE and TRACK never reach proxy.ts: Next builds a fetch Request for the proxy, and the
 * Fetch standard forbids those methods, so the constructor throws and Next's router answers a
 * bare 500 (no request id, no body). CONNECT is not even a request to Node's server: without
 * a 'connect' listener it drops the connection, and Node's parser answers a method it does
 * not know (TRACK) with a bare 400 itself. None has a Next-level hook, so
 * instrumentation.ts installs this guard on Node's HTTP server before the first request: it
 * answers those methods with the same 405 refusal the proxy gives any other unsupported
 * method, and hands every other request to Next untouched.
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import { allowedMethods, PAGE_METHODS } from "@/lib/api/route-methods";
import { log } from "@/lib/log";
import { countRefusal } from "@/lib/metrics";
import { requestIdFrom } from "./request-id";
import { isApiPath, refusal, type Refusal } from "./refusal";

/** Methods the Fetch standard refuses to construct (CONNECT arrives as its own event). */
const UNCONSTRUCTIBLE = new Set(["TRACE", "TRACK"]);

const globalForGuard = globalThis as unknown as { ferryEarlyGuard?: boolean };

/** The 405 for an unsupported method, as the proxy would give it. */
export function methodRefusal(method: string, url: string, incomingId: string | undefined): Refusal {
  const pathname = url.split("?")[0] || "/";
  const allow = (isApiPath(pathname) ? allowedMethods(pathname) : null) ?? [...PAGE_METHODS];
  return refusal({
    pathname,
    method,
    requestId: requestIdFrom(incomingId),
    code: "METHOD_NOT_ALLOWED",
    reason: "method",
    message: `This address does not answer ${method} requests.`,
    headers: { allow: allow.join(", ") },
    details: { allow },
  });
}

/** Installs the guard once per process. */
export function installEarlyGuard(): void {
  if (globalForGuard.ferryEarlyGuard) return;
  globalForGuard.ferryEarlyGuard = true;
  const emit = http.Server.prototype.emit;
  // Every server Next (or scripts/web-server.mjs) creates inherits this emit.
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (req.method && UNCONSTRUCTIBLE.has(req.method)) {
        const refused = methodRefusal(req.method, req.url ?? "/", header(req.headers["x-request-id"]));
        req.resume();
        res.writeHead(refused.status, { ...refused.headers, "content-length": Buffer.byteLength(refused.body) }).end(refused.body);
        return true;
      }
    } else if (event === "connection" && this.listenerCount("connect") === 0) {
      // Node emits 'connect' only to a server that listens for it, else it drops the socket.
      this.on("connect", answerConnect);
    } else if (event === "clientError" && this.listenerCount("clientError") === 0) {
      // What Node's parser rejects itself (a method it does not know, such as TRACK; broken
      // framing): the status Node would give, plus a request id and a log line.
      const [error, socket] = args as [NodeJS.ErrnoException, Duplex];
      const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
      const requestId = requestIdFrom(undefined);
      log.info("request refused", { requestId, reason: "unparseable", status, parser: error.code });
      countRefusal("unparseable", status);
      if (socket.writable) socket.end(rawResponse(status, { "content-type": "text/plain", "x-request-id": requestId }, "Ferry could not read this request.\n"));
      else socket.destroy();
      return true;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

function answerConnect(req: http.IncomingMessage, socket: Duplex): void {
  const refused = methodRefusal("CONNECT", "/", header(req.headers["x-request-id"]));
  socket.end(rawResponse(refused.status, refused.headers, refused.body));
}

/** An HTTP/1.1 response written straight to a socket that has no ServerResponse. */
function rawResponse(status: number, headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" }).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ""}\r\n${lines.join("\r\n")}\r\n\r\n${body}`;
}

const header = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
