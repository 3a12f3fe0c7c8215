import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write (Prisma's P2002, through any driver adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma's codes for "the server could not be reached or dropped us": P1001 can't reach,
// P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 no
// connection from the pool in time.
// P2028 (a transaction could not start, or its connection went away under it) is the same
// outage seen from inside an interactive transaction.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// What adapter-pg reports in meta.driverAdapterError.cause.kind for the same situations.
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// Node's socket errors, as pg throws them under the adapter.
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"]);
// PostgreSQL's own: class 08 (connection exception), 57P01-57P03 (shutting down, starting up),
// 53300 (too many connections).
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
// pg's messages for a dropped connection and a pool that could not connect in time.
// A pg client whose connection broke earlier refuses further queries ("not queryable"); the
// server says so while it shuts down, starts or recovers.
const MESSAGE_UNAVAILABLE =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Connection refused|server closed the connection|is not queryable|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command/i;

type Inspectable = { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } };

/**
 * The database could not be reached (down, restarting, unreachable, out of connections), as
 * opposed to refusing one statement: such a request may succeed on a retry, so it is answered
 * 503 rather than logged as a bug. Follows `cause` chains, since drivers and Prisma wrap errors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    const e = current as Inspectable;
    const code = typeof e.code === "string" ? e.code : "";
    if (current instanceof Prisma.PrismaClientKnownRequestError && PRISMA_UNAVAILABLE.has(code)) return true;
    const cause = e.meta?.driverAdapterError?.cause;
    if (cause && typeof cause.kind === "string" && ADAPTER_UNAVAILABLE.has(cause.kind)) return true;
    if (cause && typeof cause.code === "string" && SQLSTATE_UNAVAILABLE.test(cause.code)) return true;
    if (SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code)) return true;
    if (typeof e.message === "string" && MESSAGE_UNAVAILABLE.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

/**
 * The database refused a value no schema checked (a NUL byte in a bound server-action
 * argument: SQLSTATE 22021 or 22P05), or Prisma refused a value of the wrong type. The
 * request was malformed; nothing is wrong with the server.
 */
export function isUnstorableInput(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error as Inspectable).meta?.driverAdapterError?.cause;
  return cause?.code === "22021" || cause?.code === "22P05" || /invalid byte sequence|0x00/.test(error.message);
}
