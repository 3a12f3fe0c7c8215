/**
 * Every request, seen at Node's server before Next routes it (installed by instrumentation.ts
 * around the early guard): it gets its id and a request context (request-context.ts) that
 * everything it causes runs in, so every log line carries the id; when its answer ends, one
 * access line (route, method, status, duration, actor) and the HTTP and server-action metrics,
 * labelled by route pattern and action name, never by raw path.
 */
import http from "node:http";
import { log, type Level } from "@/lib/log";
import { countMetric, metricMethod, observeMetric } from "@/lib/metrics";
import { runInRequestContext, type RequestContext } from "./request-context";
import { requestIdFrom } from "./request-id";
import { actionName, routePattern } from "./route-patterns";

const globalForObserver = globalThis as unknown as { ferryObserver?: boolean };

// Probes and static files are most of the traffic and say nothing: debug level.
const QUIET_ROUTES = new Set(["/api/health", "/api/ready", "/api/startup", "/api/metrics", "/_next/static", "/_next"]);

/** Installs the observer once per process, outside whatever already wraps the server's emit. */
export function installObserver(): void {
  if (globalForObserver.ferryObserver) return;
  globalForObserver.ferryObserver = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function observedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const context = openRequest(req, res);
    return runInRequestContext(context, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
  } as typeof emit;
}

/** The request's context, with the access line and metrics to follow its answer. Exported for tests. */
export function openRequest(req: http.IncomingMessage, res: http.ServerResponse): RequestContext {
  const started = performance.now();
  const incoming = req.headers["x-request-id"];
  const requestId = requestIdFrom(typeof incoming === "string" ? incoming : undefined);
  // The early guard, the proxy and the routes read the same id from here (and echo it).
  req.headers["x-request-id"] = requestId;
  const method = metricMethod(req.method ?? "GET");
  const path = (req.url ?? "/").split("?")[0] || "/";
  const context: RequestContext = { requestId, method, path };
  const actionId = req.method === "POST" ? req.headers["next-action"] : undefined;
  if (typeof actionId === "string") context.action = actionName(actionId);
  res.once("close", () => finish(context, res, started));
  return context;
}

function finish(context: RequestContext, res: http.ServerResponse, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  const route = routePattern(context.path);
  // A client that went away before the answer was complete.
  const status = res.writableFinished ? String(res.statusCode) : "aborted";
  const labels = { method: context.method, route, status };
  countMetric("ferry_http_requests_total", labels);
  // A stream's duration is how long someone kept a page open, not how fast Ferry answered.
  const streamed = String(res.getHeader("content-type") ?? "").startsWith("text/event-stream");
  if (!streamed) observeMetric("ferry_http_request_duration_seconds", labels, seconds);
  if (context.action) {
    const outcome = context.actionOutcome ?? (res.statusCode >= 500 ? "error" : "ok");
    countMetric("ferry_server_actions_total", { action: context.action, outcome });
    observeMetric("ferry_server_action_duration_seconds", { action: context.action }, seconds);
  }
  const level: Level = res.statusCode >= 500 ? "error" : QUIET_ROUTES.has(route) ? "debug" : "info";
  if (!log.enabled(level)) return;
  log[level]("request", {
    requestId: context.requestId,
    method: context.method,
    route,
    path: context.path.slice(0, 200),
    status: status === "aborted" ? status : res.statusCode,
    duration_ms: Math.round(seconds * 10_000) / 10,
    actor_id: context.actorId ?? null,
    ...(context.action ? { action: context.action, outcome: context.actionOutcome ?? null } : {}),
  });
}
