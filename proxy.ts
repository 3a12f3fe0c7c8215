import { NextResponse, type NextRequest } from "next/server";

// Every request gets an id (the caller's, if it sent a sane one): server code reads it from
// the request headers to tag logs and audit events, and every response echoes it.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
