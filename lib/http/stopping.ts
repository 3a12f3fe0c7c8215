/**
 * Connections end with their answer once the server is stopping (ADR 25). On SIGTERM Next's
 * server closes its listening socket and its idle connections, lets the requests in flight
 * finish, and exits once every connection is gone. But Node keeps a keep-alive connection that
 * was busy at that moment open after its answer, and serves whatever the client sends next on
 * it: a client that keeps sending (a pipeline, a load balancer's pooled connection) keeps the
 * process alive until the orchestrator kills it, cutting off whatever is in flight then.
 * So, while stopping, every answer not yet started says `Connection: close`, and a connection
 * left idle by a finished answer is closed at once. The early guard calls this per request.
 */
import type http from "node:http";

type State = { asked: boolean; watching: boolean; inFlight: Set<http.ServerResponse> };
const globalForStopping = globalThis as unknown as { ferryStopping?: State };
const state = (globalForStopping.ferryStopping ??= { asked: false, watching: false, inFlight: new Set() });

/**
 * Notes the stop signals, beside the handler that acts on them. Only where one exists (Next's
 * server registers its own before loading instrumentation): a listener of ours alone would
 * keep a process that should die on SIGTERM alive.
 */
export function watchForStop(): void {
  if (state.watching) return;
  state.watching = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, stopAsked);
  }
}

function stopAsked(): void {
  state.asked = true;
  for (const res of state.inFlight) if (!res.headersSent) res.setHeader("connection", "close");
}

/** True once a stop signal came. */
export function isStopping(): boolean {
  return state.asked;
}

/** Makes this request's connection end with its answer if the server stops meanwhile. */
export function closeWhenStopping(server: http.Server, res: http.ServerResponse): void {
  if (state.asked) res.setHeader("connection", "close");
  else state.inFlight.add(res);
  res.once("close", () => {
    state.inFlight.delete(res);
    // An answer whose headers went out before the stop left its connection open and idle.
    if (state.asked) setImmediate(() => server.closeIdleConnections());
  });
}
