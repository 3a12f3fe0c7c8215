/**
 * How a production replica stops on SIGTERM or SIGINT (ADR 29, replacing Next's handler):
 * 1. readiness answers 503 at once (the load balancer and Kubernetes stop sending), while the
 *    listener stays open for FERRY_SHUTDOWN_DELAY_MS so what they still send is served;
 * 2. the listener closes and idle connections with it; the stop's hooks run (the live hub
 *    ends its streams, so browsers reconnect to another replica);
 * 3. requests in flight get FERRY_SHUTDOWN_GRACE_MS to finish, their connections closing
 *    with their answers (stopping.ts);
 * 4. the database pool and the listening connection close, and the process exits: 0 when
 *    every request finished, 1 when the grace ran out and some were cut off.
 * Next's own handler waits without a time limit, never closes the pool and exits 143.
 */
import { log } from "@/lib/log";
import { beginStopping, inFlightCount, knownServers, whenDrained } from "./stopping";

type Hook = { name: string; run: () => Promise<void> | void };
type State = { installed: boolean; stopping: boolean; drain: Hook[]; close: Hook[] };
const globalForShutdown = globalThis as unknown as { ferryShutdown?: State };
const state = (globalForShutdown.ferryShutdown ??= { installed: false, stopping: false, drain: [], close: [] });

/** How long a hook of the stop may take before the stop goes on without it. */
const HOOK_TIMEOUT_MS = 3_000;

/** Runs `run` when the listener closes (step 2): for what holds connections open, like streams. */
export function onDrain(name: string, run: Hook["run"]): void {
  state.drain.push({ name, run });
}

/** Runs `run` once requests are done (step 4): for the pool and other connections. */
export function onClose(name: string, run: Hook["run"]): void {
  state.close.push({ name, run });
}

export type StopOptions = { delayMs: number; graceMs: number; exit?: (code: number) => void };

/**
 * Replaces the stop signals' handlers (Next's) with the stop above. Only where Next installed
 * one, as in its production server; `next dev` keeps its own.
 */
export function installGracefulStop(options: StopOptions): void {
  if (state.installed) return;
  state.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) === 0) continue;
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal, options));
  }
}

async function runHooks(hooks: Hook[]): Promise<void> {
  await Promise.all(
    hooks.map(async (hook) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          log.warn("stop: a hook took too long", { hook: hook.name });
          resolve();
        }, HOOK_TIMEOUT_MS);
      });
      try {
        await Promise.race([Promise.resolve().then(hook.run).then(() => log.info("stop: done", { hook: hook.name })), timeout]);
      } catch (error) {
        log.warn("stop: a hook failed", { hook: hook.name, error });
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

/** The stop itself; exported for tests, which call it without a signal. */
export async function stop(signal: string, { delayMs, graceMs, exit = (code) => process.exit(code) }: StopOptions): Promise<void> {
  if (state.stopping) return;
  state.stopping = true;
  const started = Date.now();
  beginStopping();
  log.info("stopping: readiness now fails", { signal, in_flight: inFlightCount(), delay_ms: delayMs, grace_ms: graceMs });
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  for (const server of knownServers()) server.close();
  await runHooks(state.drain);
  const finished = await whenDrained(graceMs);
  const cut = inFlightCount();
  if (!finished) {
    log.error("stopping: the grace period ended with requests unfinished; closing them", { unfinished: cut, grace_ms: graceMs });
    for (const server of knownServers()) server.closeAllConnections();
  }
  await runHooks(state.close);
  log.info("stopped", { signal, duration_ms: Date.now() - started, unfinished: cut });
  exit(finished ? 0 : 1);
}
