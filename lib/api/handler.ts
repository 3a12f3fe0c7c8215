import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authenticateBearer } from "@/lib/auth/api-auth";
import { AppError, httpStatusOf, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { countMetric } from "@/lib/metrics";

type RouteContext<P> = { params: Promise<P> };

export type ApiContext<P> = { request: NextRequest; params: P; requestId: string; actor: Actor };

/**
 * The one shape of a REST route: request id, bearer authentication, the error envelope of
 * API.md, and no stack trace ever sent. Handlers return data (sent as JSON, 200 unless a
 * Response is returned) and throw AppError for expected failures.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<unknown>) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const response = await respond(request, context, requestId);
    countMetric("ferry_api_requests_total", { method: request.method, status: String(response.status) });
    return response;
  };

  async function respond(request: NextRequest, context: RouteContext<P>, requestId: string): Promise<Response> {
    try {
      const actor = await authenticateBearer(request.headers.get("authorization"), requestId);
      const result = await handler({ request, params: await context.params, requestId, actor });
      const response = result instanceof Response ? result : NextResponse.json(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  }
}

/** The API.md error envelope for any thrown value. */
export function errorResponse(error: unknown, requestId: string): Response {
  let status: number;
  let body: { code: string; message: string; details?: unknown };
  if (isAppError(error)) {
    status = httpStatusOf[error.code];
    body = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  } else if (error instanceof z.ZodError) {
    status = 400;
    body = { code: "INVALID", message: "The request is not valid.", details: zodDetails(error) };
  } else {
    log.error("unhandled API error", { requestId, error });
    status = 500;
    body = { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId} when you report it.` };
  }
  return NextResponse.json({ error: body }, { status, headers: { "x-request-id": requestId } });
}

/** Per-field details: `[{ path: "targetDate", message: "..." }]`. */
export function zodDetails(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

/** Parses a JSON body against a strict schema; malformed JSON and unknown fields are INVALID. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    const text = await request.text();
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "The request is not valid.", zodDetails(parsed.error));
  return parsed.data;
}
