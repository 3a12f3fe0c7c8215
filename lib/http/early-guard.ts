/**
 * Node's HTTP server, before Next routes a request. instrumentation.ts installs this guard
 * before the first request; it does only what has no Next-level hook:
 * - TRACE and TRACK never reach proxy.ts: Next builds a fetch Request for the proxy, and the
 *   Fetch standard forbids those methods, so the constructor throws and Next's router answers
 *   a bare 500. CONNECT is not even a request to Node's server: without a 'connect' listener
 *   it drops the connection, and Node's parser answers a method it does not know (TRACK) with
 *   a bare 400 itself. The guard answers those with the proxy's 405.
 * - Uploads with a body skip the proxy (proxy.ts config.matcher), so the proxy's checks of the
 *   method and the address (gate-sync.ts) are made here for every request: otherwise Next
 *   answers a method the route lacks with a bare 405, an unknown one with a bare 400, and a
 *   malformed escape with a bare 500. Dot segments are seen here as sent, before Next
 *   resolves `/api/%2e%2e/x` to the page `/x`.
 * - What Node's parser rejects (a raw byte over 0x7F in the path) gets a request id, and under
 *   /api the envelope.
 * - Every request gets the connection's own address (client-address.ts), which Next does not
 *   give route handlers, before any header the client sent can stand in for it.
 * - Every request gets its id here (the proxy and routes read it from the request headers),
 *   and every response carries it: the ones Next makes before the proxy runs, such as its
 *   redirect of a doubled slash or a backslash, and its 204 to OPTIONS on an upload route.
 * - Once the server is stopping, every answer closes its connection (stopping.ts).
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import { allowedMethods, hasMalformedEscape, PAGE_METHODS } from "@/lib/api/route-methods";
import { log } from "@/lib/log";
import { countRefusal } from "@/lib/metrics";
import { stampPeerAddress } from "./client-address";
import { gateSync } from "./gate-sync";
import { requestIdFrom } from "./request-id";
import { closeWhenStopping, watchForStop } from "./stopping";
import { isApiPath, refusal, type Refusal } from "./refusal";

const globalForGuard = globalThis as unknown as { ferryEarlyGuard?: boolean };

/** The 405 for CONNECT, as the proxy would give it for any other unsupported method. */
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
  watchForStop();
  const emit = http.Server.prototype.emit;
  // Every server Next creates inherits this emit, whenever it was created.
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      closeWhenStopping(this, res);
      if (answeredEarly(req, res)) return true;
    } else if (event === "connection" && this.listenerCount("connect") === 0) {
      // Node emits 'connect' only to a server that listens for it, else it drops the socket.
      this.on("connect", answerConnect);
    } else if (event === "clientError" && this.listenerCount("clientError") === 0) {
      // What Node's parser rejects itself (a method it does not know, such as TRACK; broken
      // framing): the status Node would give, plus a request id and a log line.
      const [error, socket] = args as [NodeJS.ErrnoException & { rawPacket?: Buffer }, Duplex];
      if (socket.writable) socket.end(unparseable(error));
      else socket.destroy();
      return true;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/**
 * Stamps the request id on the request and its response, and answers the request itself when
 * it must not reach Next (true then). Exported for tests, which run it without installing.
 */
export function answeredEarly(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const refused = guardRequest(req, res);
  if (!refused) return false;
  req.resume();
  res.writeHead(refused.status, { ...refused.headers, "content-length": Buffer.byteLength(refused.body) }).end(refused.body);
  return true;
}

function guardRequest(req: http.IncomingMessage, res: http.ServerResponse): Refusal | null {
  // Before anything reads the request: the sign-in limiter keys on the connection's address.
  stampPeerAddress(req);
  const method = req.method ?? "GET";
  const pathname = (req.url ?? "/").split("?")[0] || "/";
  const requestId = requestIdFrom(header(req.headers["x-request-id"]));
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  // Next redirects these before the proxy runs. A permanent redirect is cacheable by default,
  // and one for a bearer's API request must not be kept by a shared cache.
  if (/\/\/|\\/.test(pathname)) res.setHeader("cache-control", "no-store");
  const refused = gateSync({ method, pathname, requestId });
  if (refused || isApiPath(pathname) || !hasBody(req) || !hasMalformedEscape(pathname)) return refused;
  // A page upload that skips the proxy: the proxy's not-found answer, as a small page.
  return refusal({ pathname, method, requestId, code: "NOT_FOUND", reason: "malformed_path", message: "There is nothing at this address." });
}

const hasBody = (req: http.IncomingMessage) => req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;

function answerConnect(req: http.IncomingMessage, socket: Duplex): void {
  const refused = methodRefusal("CONNECT", "/", header(req.headers["x-request-id"]));
  socket.end(rawResponse(refused.status, refused.headers, refused.body));
}

/**
 * The answer to what Node's parser refused (logged and counted as "unparseable"). A bad
 * request line under /api (a raw byte over 0x7F in the path, say) is answered with the API's
 * envelope, as any other refusal there is, and so is one whose path cannot be read; the rest
 * in plain text. Exported for tests.
 */
export function unparseable(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): string {
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const requestId = requestIdFrom(undefined);
  const [, method = "GET", target = ""] = /^([!-~]{1,20}) (\S+)/.exec(error.rawPacket?.toString("latin1") ?? "") ?? [];
  // The packet Node hands over need not start at the request line (a keep-alive connection's
  // later request): a request whose path cannot be read is answered as an API one.
  const pathname = target.startsWith("/") ? target.split("?")[0] : "";
  if (status === 400 && (!pathname || isApiPath(pathname))) {
    const refused = refusal({ pathname: pathname || "/api", method, requestId, code: "INVALID", reason: "unparseable", message: "Ferry could not read this request." });
    return rawResponse(refused.status, refused.headers, refused.body);
  }
  log.info("request refused", { requestId, reason: "unparseable", status, parser: error.code });
  countRefusal("unparseable", status);
  return rawResponse(status, { "content-type": "text/plain", "x-request-id": requestId }, "Ferry could not read this request.\n");
}

/** An HTTP/1.1 response written straight to a socket that has no ServerResponse. */
function rawResponse(status: number, headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" }).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ""}\r\n${lines.join("\r\n")}\r\n\r\n${body}`;
}

const header = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
