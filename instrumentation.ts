import type { Instrumentation } from "next";

/**
 * At start, while the deployment has no administrator, print the one-time setup code: only
 * whoever can read the server log can open /setup (lib/auth/setup-code.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { log } = await import("@/lib/log");
  try {
    const [{ db }, { ensureSetupCode }] = await Promise.all([import("@/lib/db"), import("@/lib/auth/setup-code")]);
    const setup = await ensureSetupCode(db);
    if (!setup) return;
    const base = process.env.FERRY_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    if (setup.configured) log.warn(`Setup code: the FERRY_SETUP_CODE you configured. Open ${base}/setup to create the administrator.`);
    else log.warn(`Setup code: ${setup.code} (open ${base}/setup to create the administrator; the code works once)`);
  } catch (error) {
    // A database not reachable yet is reported by /api/ready; setup then waits for a restart.
    log.warn("could not check whether setup is needed", { error: error instanceof Error ? error.message : String(error) });
  }
}

// Unexpected server errors are logged once, with the request id the user sees on the error page.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { log } = await import("@/lib/log");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  log.error("request failed", {
    requestId: headers["x-request-id"],
    path: request.path,
    routeType: context.routeType,
    error: error instanceof Error ? error : String(error),
  });
};
