import { NextResponse, type NextRequest } from "next/server";
import { requestIdFrom } from "@/lib/http/request-id";

export function proxy(request: NextRequest) {
  // Server code reads the id from the request headers; the response echoes it.
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
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
