import type { BlockingItem } from "@/lib/checklists/gates";
import type { OrderLink } from "@/lib/planning/placement";

/** Expected failures with a code the UI and the API both understand. Anything else is a bug. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID"
  | "CONFLICT"
  | "GATE_BLOCKED"
  | "PAYLOAD_TOO_LARGE"
  | "METHOD_NOT_ALLOWED"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  GATE_BLOCKED: 409,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  RATE_LIMITED: 429,
  // The database cannot be reached: a retry may succeed, so clients get a Retry-After.
  UNAVAILABLE: 503,
};

/** One input field and what is wrong with it; `path` is dotted ("ticks.3.state"), "(body)" for the whole body. */
export type FieldIssue = { path: string; message: string };

/** One line of an uploaded file and what is wrong with it (1-based, as an editor numbers lines). */
export type RowIssue = { line: number; message: string };

/** One entry of a bulk request, by its 0-based position in the request. */
export type EntryIssue = { index: number; message: string; code?: ErrorCode; path?: string };

/** A write made against a version that is no longer the stored one. */
export type StaleVersion = { currentVersion: number; expectedVersion: number };

/** The methods an address does answer (the 405's Allow header). */
export type AllowedMethods = { allow: string[] };

/**
 * A wave move that breaks the dependency order: the slices the moved one must follow (it
 * depends on them) and the slices that must follow it, each with the services that link them.
 */
export type OrderBreak = { toWave: number; mustFollow: OrderLink[]; mustPrecede: OrderLink[] };

/**
 * What `details` carries for each code: the one contract of the API envelope's `details` and
 * of a server action's failure, so clients read structure and never the message's wording.
 * Codes mapped to `never` carry none. Shapes only ever gain members: `details` stays optional.
 */
export type ErrorDetails = {
  UNAUTHENTICATED: never;
  /** A move against the order by someone who may not pin; a bulk request's refused entries. */
  FORBIDDEN: OrderBreak | EntryIssue[];
  NOT_FOUND: EntryIssue[];
  INVALID: FieldIssue[] | RowIssue[] | EntryIssue[];
  /** A taken name (per field), a stale version, a move that needs a confirmed pin, a bulk request's entries. */
  CONFLICT: FieldIssue[] | StaleVersion | OrderBreak | EntryIssue[];
  /** The open checklist items that gate the stage. */
  GATE_BLOCKED: BlockingItem[];
  PAYLOAD_TOO_LARGE: never;
  METHOD_NOT_ALLOWED: AllowedMethods;
  RATE_LIMITED: never;
  UNAVAILABLE: never;
};

/** A code with its details, correlated: narrowing `code` narrows `details`. */
export type ErrorPayload = { [C in ErrorCode]: { code: C; details?: ErrorDetails[C] } }[ErrorCode];

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    public readonly code: C,
    message: string,
    public readonly details?: ErrorDetails[C],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** An AppError of any one code: checking `code` narrows `details` to that code's shape. */
export type AnyAppError = { [C in ErrorCode]: AppError<C> }[ErrorCode];

export const isAppError = (e: unknown): e is AnyAppError => e instanceof AppError;

/** The code and details of an error as a client receives them (details left out when there are none). */
export function errorPayload(error: AnyAppError): ErrorPayload {
  return (error.details === undefined ? { code: error.code } : { code: error.code, details: error.details }) as ErrorPayload;
}

/** Whether details are per-field issues (the shape a form shows under its fields). */
export const isFieldIssues = (details: unknown): details is FieldIssue[] =>
  Array.isArray(details) && details.every((d) => typeof d === "object" && d !== null && typeof (d as FieldIssue).path === "string" && typeof (d as FieldIssue).message === "string");

/** Whether CONFLICT or FORBIDDEN details describe a wave move that breaks the order. */
export const isOrderBreak = (details: ErrorDetails["CONFLICT"] | ErrorDetails["FORBIDDEN"] | undefined): details is OrderBreak =>
  typeof details === "object" && details !== null && !Array.isArray(details) && "mustFollow" in details;

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);
