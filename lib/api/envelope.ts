/**
 * The REST API's answers, independent of how the request arrived (a Next route handler through
 * handler.ts, or a direct route through direct.ts): the API.md error envelope for any thrown
 * value, with no stack trace ever sent, and JSON bodies read against strict schemas.
 */
import { z } from "zod";
import { AppError, httpStatusOf, isAppError } from "@/lib/errors";
import { noteDatabaseError } from "@/lib/db/availability";
import { isDatabaseUnavailable, isUnstorableInput } from "@/lib/db/errors";
import { log } from "@/lib/log";
import { textProblem } from "@/lib/validation/text";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export type ErrorOutcome = { status: number; body: ErrorBody; headers: Record<string, string> };

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_MESSAGE = "Ferry cannot reach its database right now. Try again in a few seconds.";

/** The status, API.md error envelope and extra headers for any thrown value. */
export function errorOutcome(error: unknown, requestId: string): ErrorOutcome {
  if (isAppError(error)) {
    const headers: Record<string, string> = error.code === "UNAVAILABLE" ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {};
    if (error.code === "METHOD_NOT_ALLOWED" && error.details) headers.allow = error.details.allow.join(", ");
    return { status: httpStatusOf[error.code], headers, body: { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } } };
  }
  if (error instanceof z.ZodError) {
    return { status: 400, headers: {}, body: { error: { code: "INVALID", message: "The request is not valid.", details: zodDetails(error) } } };
  }
  if (isDatabaseUnavailable(error)) {
    // Expected while the database restarts: a warning without the stack, and a retry hint.
    noteDatabaseError(error);
    log.warn("database unavailable", { requestId, error: error instanceof Error ? error.message.slice(-300) : String(error) });
    return errorOutcome(new AppError("UNAVAILABLE", UNAVAILABLE_MESSAGE), requestId);
  }
  if (isUnstorableInput(error)) {
    log.warn("request carried a value the database refused", { requestId });
    return errorOutcome(new AppError("INVALID", "The request contains a value Ferry cannot store (for example a NUL character)."), requestId);
  }
  log.error("unhandled API error", { requestId, error });
  return { status: 500, headers: {}, body: { error: { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId} when you report it.` } } };
}

/** Per-field details: `[{ path: "targetDate", message: "..." }]`. */
export function zodDetails(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

/** Parses a JSON body against a strict schema; malformed JSON and unknown fields are INVALID. */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "The request is not valid.", zodDetails(parsed.error));
  return parsed.data;
}

/**
 * Path parameters name things that exist; one that could not be stored (a control character,
 * an unpaired surrogate) names nothing, and must not reach the database, which would refuse it.
 */
export function assertPathParams(params: unknown): void {
  if (typeof params !== "object" || params === null) return;
  for (const value of Object.values(params)) {
    if (typeof value === "string" && textProblem(value)) throw new AppError("NOT_FOUND", "Nothing was found at this address.");
  }
}
