import type { Instrumentation } from "next";

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
