import { NextResponse, type NextRequest } from "next/server";
import { gateActionBody, gateDatabase, gateSync } from "@/lib/http/gate";
import { hasMalformedEscape } from "@/lib/api/route-methods";
import type { Refusal } from "@/lib/http/refusal";
import { log } from "@/lib/log";
import { countRefusal } from "@/lib/metrics";
import { requestIdFrom } from "@/lib/http/request-id";
import { createNonce, NON_DOCUMENT_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from "@/lib/http/security-headers";

// NODE_ENV is Next's (inlined at build time), not Ferry configuration (lib/env.ts).
const dev = process.env.NODE_ENV !== "production";
// Any address no route has: Next then renders app/not-found.tsx with a 404.
const NOT_FOUND_PATH = "/_ferry/not-found";

export async function proxy(request: NextRequest) {
  // Server code reads the id from the request headers; the response echoes it.
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const { pathname } = request.nextUrl;
  const gate = { method: request.method, pathname, headers: request.headers, requestId };
  const bodyLength = async () => (await request.clone().arrayBuffer()).byteLength;
  const refused = gateSync(gate);
  if (refused) return send(refused);
  // next.config.ts turns Next's own trailing-slash redirect off, as it answers before the
  // proxy runs and so without a request id; this is the same redirect, with one.
  if (pathname.length > 1 && pathname.endsWith("/")) return withoutTrailingSlash(request, requestId);
  const late = (await gateActionBody(gate, bodyLength)) ?? (await gateDatabase(gate));
  if (late) return send(late);

  const api = pathname === "/api" || pathname.startsWith("/api/");
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  // Next reads a page's nonce from the policy in the request headers and puts it on its scripts.
  const policy = api ? NON_DOCUMENT_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy(createNonce(), dev);
  if (!api) headers.set("content-security-policy", policy);

  let response: NextResponse;
  if (hasMalformedEscape(pathname)) {
    // A page address that cannot be decoded names nothing: the friendly 404, not Next's bare 500.
    log.info("request refused", { requestId, reason: "malformed_path", status: 404, path: pathname.slice(0, 200) });
    countRefusal("malformed_path", 404);
    response = NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * 308 to the address without its trailing slash (a dot segment such as `/a/..` arrives here
 * resolved, as `/`-ended), keeping the query. Not kept by caches: it answers a mistyped
 * address, and under /api a bearer's request.
 */
function withoutTrailingSlash(request: NextRequest, requestId: string): NextResponse {
  // A plain URL: a NextURL keeps the trailing slash it was given when Next's redirect is off.
  const target = new URL(request.nextUrl.href);
  // Leading slashes collapse too, so the target can never read as `//host`.
  target.pathname = `/${target.pathname.replace(/^\/+|\/+$/g, "")}`;
  const response = NextResponse.redirect(target, 308);
  response.headers.set("x-request-id", requestId);
  response.headers.set("cache-control", "no-store");
  return response;
}

function send(refused: Refusal): NextResponse {
  return new NextResponse(refused.body || null, { status: refused.status, headers: refused.headers });
}

export const config = {
  // Next copies the body of every request the proxy matches into memory (up to
  // proxyClientMaxBodySize) and waits for its end before the route starts. Uploads with a body
  // skip the proxy: their routes stream it and refuse it at the import limit themselves (and
  // make their own request id); without a body they still meet the proxy's gates.
  // next.config.ts keeps the copy's limit above the import limit, in case a path variant
  // reaches an upload route through the proxy anyway. (Next reads this object statically:
  // literals only.)
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/v1/programmes/[^/]+/import$|p/[^/]+/import/(?:preview|apply)$).*)",
    { source: "/api/v1/programmes/:slug/import", missing: [{ type: "header", key: "content-length" }, { type: "header", key: "transfer-encoding" }] },
    { source: "/p/:programme/import/:route(preview|apply)", missing: [{ type: "header", key: "content-length" }, { type: "header", key: "transfer-encoding" }] },
  ],
};
