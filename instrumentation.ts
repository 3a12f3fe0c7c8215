import type { Instrumentation } from "next";

/**
 * At start, while the deployment has no administrator, print the one-time setup code: only
 * whoever can read the server log can open /setup (lib/auth/setup-code.ts).
 */
export async function register() {
  // NEXT_RUNTIME says where this code runs, not how Ferry is configured (that is lib/env.ts).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: TRACE, TRACK and CONNECT never reach proxy.ts (early-guard.ts).
  (await import("@/lib/http/early-guard")).installEarlyGuard();
  const [{ env }, { siteOrigins }] = await Promise.all([import("@/lib/env"), import("@/lib/auth/config")]);
  if (!env().DATABASE_URL) return;
  const { log } = await import("@/lib/log");
  try {
    const [{ db }, { ensureSetupCode }] = await Promise.all([import("@/lib/db"), import("@/lib/auth/setup-code")]);
    const setup = await ensureSetupCode(db);
    if (!setup) return;
    const base = siteOrigins(env()).baseURL;
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
  const fields = { requestId: headers["x-request-id"], path: request.path.slice(0, 200), routeType: context.routeType };
  const [{ isDatabaseUnavailable }, { noteDatabaseError }] = await Promise.all([import("@/lib/db/errors"), import("@/lib/db/availability")]);
  if (isDatabaseUnavailable(error)) {
    noteDatabaseError(error);
    log.warn("request failed: database unavailable", fields);
  } else {
    log.error("request failed", { ...fields, error: error instanceof Error ? error : String(error) });
  }
  countMetric("ferry_request_errors_total", { routeType: context.routeType });
};
