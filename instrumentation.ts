import type { Instrumentation } from "next";

/**
 * At start: the request guard and observer around Node's server, Ferry's bounded stop in
 * production, and, while the deployment has no administrator, the one-time setup code printed
 * (only whoever can read the server log can open /setup; lib/auth/setup-code.ts). Then the
 * startup probe (/api/startup) answers 200.
 */
export async function register() {
  // NEXT_RUNTIME says where this code runs, not how Ferry is configured (that is lib/env.ts).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: TRACE, TRACK and CONNECT never reach proxy.ts (early-guard.ts).
  (await import("@/lib/http/early-guard")).installEarlyGuard();
  // Outside the guard: every request's id, context, access line and metrics (observe.ts).
  (await import("@/lib/http/observe")).installObserver();
  const [{ env }, { siteOrigins }, { markStarted }] = await Promise.all([import("@/lib/env"), import("@/lib/auth/config"), import("@/lib/http/startup")]);
  // NODE_ENV says how the code runs: `next dev` keeps Next's own stop.
  if (process.env.NODE_ENV === "production") await installStop(env());
  try {
    if (env().DATABASE_URL) await checkSetup(siteOrigins(env()).baseURL);
  } finally {
    markStarted();
  }
}

/** The bounded stop of lib/http/shutdown.ts, closing the pool and the live listener last. */
async function installStop(config: { FERRY_SHUTDOWN_DELAY_MS: number; FERRY_SHUTDOWN_GRACE_MS: number }) {
  const { installGracefulStop, onClose } = await import("@/lib/http/shutdown");
  installGracefulStop({ delayMs: config.FERRY_SHUTDOWN_DELAY_MS, graceMs: config.FERRY_SHUTDOWN_GRACE_MS });
  // The pool lib/db.ts made, if any request made one (importing `db` would make one to close).
  const made = globalThis as unknown as { ferryDb?: { $disconnect: () => Promise<void> } };
  onClose("database pool", () => made.ferryDb?.$disconnect());
}

async function checkSetup(base: string) {
  const { log } = await import("@/lib/log");
  try {
    const [{ db }, { ensureSetupCode }] = await Promise.all([import("@/lib/db"), import("@/lib/auth/setup-code")]);
    const setup = await ensureSetupCode(db);
    if (!setup) return;
    if (setup.configured) log.warn(`Setup code: the FERRY_SETUP_CODE you configured. Open ${base}/setup to create the administrator.`);
    else log.warn(`Setup code: ${setup.code} (open ${base}/setup to create the administrator; the code works once)`);
  } catch (error) {
    // A database not reachable yet is reported by /api/ready; setup then waits for a restart.
    log.warn("could not check whether setup is needed", { error: error instanceof Error ? error.message : String(error) });
  }
}

// Unexpected server errors are logged once, with the request id the user sees on the error page.
// A database that cannot be reached is expected while it restarts: a warning, and proxy.ts
// answers pages with the 503 page from the next request on (lib/db/availability.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // Ferry serves on Node only; the check also keeps Node-only modules out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ log }, { countMetric }] = await Promise.all([import("@/lib/log"), import("@/lib/metrics")]);
  const headers = request.headers as Record<string, string | string[] | undefined>;
  const requestId = typeof headers["x-request-id"] === "string" ? headers["x-request-id"] : undefined;
  const fields = { requestId, method: request.method, path: request.path.slice(0, 200), route: context.routePath, routeType: context.routeType };
  const [{ isDatabaseUnavailable }, { noteDatabaseError }] = await Promise.all([import("@/lib/db/errors"), import("@/lib/db/availability")]);
  if (isDatabaseUnavailable(error)) {
    noteDatabaseError(error);
    log.warn("request failed: database unavailable", fields);
  } else {
    log.error("request failed", { ...fields, error: error instanceof Error ? error : String(error) });
  }
  countMetric("ferry_request_errors_total", { routeType: context.routeType });
};
