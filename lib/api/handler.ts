import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authenticateBearer } from "@/lib/auth/api-auth";
import { readBodyCapped } from "@/lib/http/read-body";
import { AppError } from "@/lib/errors";
import { noteActor } from "@/lib/http/request-context";
import { requestIdFrom } from "@/lib/http/request-id";
import { log } from "@/lib/log";
import { countMetric, metricMethod } from "@/lib/metrics";
import { assertPathParams, errorOutcome, parseJsonBody } from "./envelope";

export { zodDetails } from "./envelope";

type RouteContext<P> = { params: Promise<P> };

export type ApiContext<P> = { request: NextRequest; params: P; requestId: string; actor: Actor };

/**
 * The one shape of a REST route: request id, bearer authentication, the error envelope of
 * API.md, and no stack trace ever sent. Handlers return data (sent as JSON, 200 unless a
 * Response is returned) and throw AppError for expected failures.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<unknown>) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    const response = await respond(request, context, requestId);
    // Answers for a bearer token are that caller's data: no shared cache may keep them.
    response.headers.set("cache-control", "no-store");
    countMetric("ferry_api_requests_total", { method: metricMethod(request.method), status: String(response.status) });
    return response;
  };

  async function respond(request: NextRequest, context: RouteContext<P>, requestId: string): Promise<Response> {
    try {
      const actor = noteActor(await authenticateBearer(request.headers.get("authorization"), requestId));
      const params = await context.params;
      assertPathParams(params);
      const result = await handler({ request, params, requestId, actor });
      const response = result instanceof Response ? result : NextResponse.json(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  }
}

/** The API.md error envelope for any thrown value, as a response. */
export function errorResponse(error: unknown, requestId: string): Response {
  const { status, body, headers } = errorOutcome(error, requestId);
  return NextResponse.json(body, { status, headers: { ...headers, "x-request-id": requestId, "cache-control": "no-store" } });
}

/**
 * The answer for an /api/v1 path no route serves (app/api/v1/[...rest]): the API's JSON 404
 * whatever the method, rather than the HTML not-found page.
 */
export function unknownApiPath(request: Request): Response {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const method = metricMethod(request.method);
  log.info("unknown API path", { requestId, method, path: new URL(request.url).pathname.slice(0, 200) });
  countMetric("ferry_api_requests_total", { method, status: "404" });
  const response = errorResponse(new AppError("NOT_FOUND", "There is no API operation at this address; see /api/v1/openapi.json."), requestId);
  return request.method === "HEAD" ? new Response(null, { status: 404, headers: response.headers }) : response;
}

/** Largest JSON body a REST route reads unless it names its own (bulk endpoints). */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * Parses a JSON body against a strict schema; malformed JSON and unknown fields are INVALID, a
 * body over `maxBytes` is PAYLOAD_TOO_LARGE before it is buffered whole or parsed.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, { maxBytes = MAX_JSON_BYTES } = {}): Promise<z.infer<S>> {
  return parseJsonBody(await readBodyCapped(request, maxBytes), schema);
}
