/**
 * What the server knows about stopping (ADR 25, ADR 29): whether a stop signal came, which
 * answers are still in flight, and the servers they arrived on, for shutdown.ts to drain.
 *
 * Once stopping, connections end with their answer. Node keeps a keep-alive connection that
 * was busy when the stop came open after its answer, and serves whatever the client sends next
 * on it: a client that keeps sending (a pipeline, a load balancer's pooled connection) would
 * keep the process alive until the orchestrator kills it, cutting off whatever is in flight
 * then. So, while stopping, every answer not yet started says `Connection: close`, and a
 * connection left idle by a finished answer is closed at once. The early guard calls
 * closeWhenStopping for every request.
 */
import type http from "node:http";

type State = { asked: boolean; watching: boolean; inFlight: Set<http.ServerResponse>; servers: Set<http.Server>; drained: Set<() => void> };
const globalForStopping = globalThis as unknown as { ferryStopping?: State };
const state = (globalForStopping.ferryStopping ??= { asked: false, watching: false, inFlight: new Set(), servers: new Set(), drained: new Set() });

/**
 * Notes the stop signals, beside the handler that acts on them (Next's in development,
 * shutdown.ts's in production). Only where one exists: a listener of ours alone would keep a
 * process that should die on SIGTERM alive.
 */
export function watchForStop(): void {
  if (state.watching) return;
  state.watching = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, beginStopping);
  }
}

/** Marks the process as stopping: readiness fails from now on, and answers close their connection. */
export function beginStopping(): void {
  state.asked = true;
  for (const res of state.inFlight) if (!res.headersSent) res.setHeader("connection", "close");
}

/** True once a stop signal came. */
export function isStopping(): boolean {
  return state.asked;
}

/** Answers started and not yet finished (or abandoned by their client). */
export function inFlightCount(): number {
  return state.inFlight.size;
}

/** The servers requests arrived on, for the stop to close. */
export function knownServers(): http.Server[] {
  return [...state.servers];
}

/** Resolves once no answer is in flight, or after `timeoutMs`; true when none is left. */
export function whenDrained(timeoutMs: number): Promise<boolean> {
  if (state.inFlight.size === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      state.drained.delete(done);
      resolve(state.inFlight.size === 0);
    };
    const timer = setTimeout(done, timeoutMs);
    state.drained.add(done);
  });
}

/** Tracks this answer until it ends, and makes its connection end with it if the server stops meanwhile. */
export function closeWhenStopping(server: http.Server, res: http.ServerResponse): void {
  state.servers.add(server);
  if (state.asked) res.setHeader("connection", "close");
  state.inFlight.add(res);
  res.once("close", () => {
    state.inFlight.delete(res);
    if (!state.asked) return;
    // An answer whose headers went out before the stop left its connection open and idle.
    setImmediate(() => server.closeIdleConnections());
    if (state.inFlight.size === 0) for (const done of [...state.drained]) done();
  });
}
