/**
 * What proxy.ts refuses before Next routes a request, each a case in which Next itself would
 * answer a bare 400, 405 or 500 with no request id, no log line and no envelope:
 * - a method Next does not route, or one the API route lacks (405 with Allow);
 * - a path segment with a malformed percent escape (Next's route matcher throws on it);
 * - a server action body over the limit (Next's action decoder throws);
 * - any page while the database is down (a failed render can only be a 500).
 * The first two are also refused by early-guard.ts, for requests that skip the proxy.
 */
import { isDatabaseReachable } from "@/lib/db/availability";
import { RETRY_AFTER_SECONDS } from "@/lib/api/envelope";
import { isApiPath, refusal, type Refusal } from "./refusal";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./limits";

export type GateRequest = { method: string; pathname: string; headers: Headers; requestId: string };

// In a module of its own, free of the database, so that the early guard can run it too.
export { gateSync } from "./gate-sync";

/**
 * A server action's body over the limit: by its Content-Length, or, for a body without one
 * (Next forwards an action to the page that owns it as a chunked fetch), by reading it; the
 * proxy may, because Next buffers the body for it and the route alike.
 */
export async function gateActionBody(req: GateRequest, bodyLength: () => Promise<number>): Promise<Refusal | null> {
  if (isApiPath(req.pathname) || !isServerActionPost(req)) return null;
  const declared = req.headers.get("content-length");
  const length = declared === null ? await bodyLength() : Number(declared);
  if (length <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  return refusal({
    pathname: req.pathname,
    method: req.method,
    requestId: req.requestId,
    code: "PAYLOAD_TOO_LARGE",
    reason: "action_body",
    plainText: req.headers.has("next-action"),
    message: `What this form sent is over ${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB. Send less, or use the import page for large files.`,
  });
}

/** The database check for pages (the API answers its own 503s, with the envelope). */
export async function gateDatabase(req: GateRequest): Promise<Refusal | null> {
  if (isApiPath(req.pathname) || (await isDatabaseReachable())) return null;
  return refusal({
    pathname: req.pathname,
    method: req.method,
    requestId: req.requestId,
    code: "UNAVAILABLE",
    reason: "database_unavailable",
    plainText: req.headers.has("next-action"),
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    message: "Ferry cannot reach its database right now. Try again in a few seconds; if it keeps happening, tell whoever runs Ferry.",
  });
}

/** A POST that Next would decode as a server action: fetch actions name one in a header, forms without JavaScript post multipart. */
function isServerActionPost(req: GateRequest): boolean {
  if (req.method !== "POST") return false;
  return req.headers.has("next-action") || (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}
