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
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
