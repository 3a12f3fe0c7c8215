import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Actor } from "@/lib/auth/actor";
import { authenticateBearer } from "@/lib/auth/api-auth";
import { AppError } from "@/lib/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import { NON_DOCUMENT_CONTENT_SECURITY_POLICY, securityHeaders } from "@/lib/http/security-headers";
import { countMetric } from "@/lib/metrics";
import { assertPathParams, errorOutcome } from "./envelope";

/**
 * Direct routes (ADR 16): REST operations that Ferry's web server (scripts/web-server.mjs)
 * answers from Node's own request and response, without Next's request pipeline, which on a
 * small machine costs several times what a tick itself does. A route module registers its
 * operation here when Next loads it, so the direct path runs the very code of the route; the
 * route handler stays, and answers whenever the direct path is not in use (`next dev`, or
 * before the module has loaded). The answer is the one apiRoute gives: the same
 * authentication, error envelope, request id, security headers and metrics.
 */
export type DirectRoute = {
  method: string;
  /** The path parameters when the pathname is this route's, else null. */
  match: (pathname: string) => Record<string, string> | null;
  run: (ctx: { actor: Actor; params: Record<string, string>; body: string; requestId: string }) => Promise<unknown>;
};

/** Bodies of direct routes are small JSON documents. */
const MAX_BODY_BYTES = 1024 * 1024;

// On globalThis: the web server looks the routes up there, and every copy of this module (one
// per route bundle) must add to the same table.
type ServeDirect = (req: IncomingMessage, res: ServerResponse) => boolean;
const globalForDirect = globalThis as unknown as { ferryDirectRoutes?: Map<string, DirectRoute>; ferryServeDirect?: ServeDirect };

export function registerDirectRoute(name: string, route: DirectRoute): void {
  (globalForDirect.ferryDirectRoutes ??= new Map()).set(name, route);
  globalForDirect.ferryServeDirect ??= serveDirect;
}

/** A matcher for a path like `/api/v1/programmes/:slug`: parameters are one decoded segment each. */
export function pathPattern(pattern: string): DirectRoute["match"] {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const re = new RegExp(`^${source}$`);
  return (pathname) => {
    const m = re.exec(pathname);
    if (!m) return null;
    try {
      return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
    } catch {
      return null; // malformed escapes: Next answers those
    }
  };
}

/** Answers the request when a direct route matches it; false leaves it to Next. */
function serveDirect(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q >= 0 ? url.slice(0, q) : url;
  for (const route of globalForDirect.ferryDirectRoutes?.values() ?? []) {
    if (route.method !== req.method) continue;
    const params = route.match(pathname);
    if (!params) continue;
    void answer(route, params, req, res);
    return true;
  }
  return false;
}

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
};

async function answer(route: DirectRoute, params: Record<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = requestIdFrom(header(req, "x-request-id"));
  let status = 200;
  let body: unknown;
  let extra: Record<string, string> = {};
  try {
    const actor = await authenticateBearer(header(req, "authorization"), requestId);
    assertPathParams(params);
    body = await route.run({ actor, params, body: await readBody(req), requestId });
  } catch (error) {
    ({ status, body, headers: extra } = errorOutcome(error, requestId));
  }
  countMetric("ferry_api_requests_total", { method: route.method, status: String(status) });
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { ...extra, "cache-control": "no-store", "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)), "x-request-id": requestId };
  for (const h of securityHeaders()) headers[h.key] = h.value;
  headers["content-security-policy"] = NON_DOCUMENT_CONTENT_SECURITY_POLICY; // what proxy.ts gives API answers
  res.writeHead(status, headers).end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(new AppError("PAYLOAD_TOO_LARGE", `The request body is over ${MAX_BODY_BYTES} bytes.`));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
