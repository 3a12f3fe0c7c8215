/**
 * What the log and the metrics know about the request being served: opened at Node's server
 * for every request (observe.ts), before Next routes it, so every line the request causes
 * (the proxy's, a route's, a database error's, a failed server action's) carries its id
 * without anyone passing it along. AsyncLocalStorage follows the request through every await.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = {
  requestId: string;
  method: string;
  /** The raw path, for the access line only (metrics use the route pattern). */
  path: string;
  /** Filled in as the request is understood: who acts, which server action ran and how it ended. */
  actorId?: string | null;
  action?: string;
  actionOutcome?: string;
};

// On globalThis: the server loads a module once per route bundle, and the proxy, the routes
// and the early guard must all read the one store of the process.
const globalForContext = globalThis as unknown as { ferryRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.ferryRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` (and everything it starts) as part of the request `context` describes. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Runs `fn` outside any request: for what outlives the request that started it (the live listener). */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** The request being served here, or undefined outside any (start-up, timers, scripts). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Notes who the request acts for, once authentication knows (session or bearer token). */
export function noteActor<A extends { userId: string | null }>(actor: A): A {
  const context = storage.getStore();
  if (context) context.actorId = actor.userId;
  return actor;
}

/** Notes how the server action of this request ended: "ok" or its error code. */
export function noteActionOutcome<R extends { ok: boolean; code?: string }>(result: R): R {
  const context = storage.getStore();
  if (context) context.actionOutcome = result.ok ? "ok" : (result.code ?? "error");
  return result;
}
