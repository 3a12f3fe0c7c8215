/**
 * Answers for requests refused before any route runs (proxy.ts, and the early guard for what
 * never reaches the proxy): the API's JSON error envelope under /api, a small friendly page
 * elsewhere; always with the request id, the security headers, one log line and a count.
 * Plain data, so both Next's proxy and Node's raw response can send it.
 */
import type { ErrorCode } from "@/lib/errors";
import { httpStatusOf } from "@/lib/errors";
import { log } from "@/lib/log";
import { countRefusal } from "@/lib/metrics";
import { NON_DOCUMENT_CONTENT_SECURITY_POLICY, securityHeaders } from "./security-headers";

export type Refusal = { status: number; headers: Record<string, string>; body: string };

export type RefusalInput = {
  pathname: string;
  method: string;
  requestId: string;
  code: ErrorCode;
  /** Said to API callers and people alike; no detail of the server. */
  message: string;
  /** Short machine label for logs and the refusals counter. */
  reason: string;
  headers?: Record<string, string>;
  details?: unknown;
  /** A plain-text body (server-action fetches show it as the error's message). */
  plainText?: boolean;
};

const TITLES: Partial<Record<ErrorCode, string>> = {
  INVALID: "This address is not valid",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "This kind of request is not supported here",
  PAYLOAD_TOO_LARGE: "What you sent is too large",
  UNAVAILABLE: "Ferry is briefly unavailable",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** The response for a refused request, logged and counted. */
export function refusal(input: RefusalInput): Refusal {
  const status = httpStatusOf[input.code];
  const level = status >= 500 ? "warn" : "info";
  log[level]("request refused", { requestId: input.requestId, reason: input.reason, status, method: input.method.slice(0, 20), path: input.pathname.slice(0, 200) });
  countRefusal(input.reason, status);
  const headers: Record<string, string> = {
    ...Object.fromEntries(securityHeaders().map((h) => [h.key.toLowerCase(), h.value])),
    "content-security-policy": NON_DOCUMENT_CONTENT_SECURITY_POLICY,
    "cache-control": "no-store",
    "x-request-id": input.requestId,
    ...input.headers,
  };
  let body: string;
  if (isApiPath(input.pathname)) {
    headers["content-type"] = "application/json";
    body = JSON.stringify({ error: { code: input.code, message: input.message, ...(input.details === undefined ? {} : { details: input.details }) } });
  } else if (input.plainText) {
    headers["content-type"] = "text/plain";
    body = input.message;
  } else {
    headers["content-type"] = "text/html; charset=utf-8";
    const title = escapeHtml(TITLES[input.code] ?? "Ferry could not answer this request");
    body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Ferry</title></head><body><main><h1>${title}</h1><p>${escapeHtml(input.message)}</p><p>Reference: ${escapeHtml(input.requestId)}</p><p><a href="/">Go to your programmes</a></p></main></body></html>`;
  }
  return { status, headers, body: input.method === "HEAD" ? "" : body };
}
