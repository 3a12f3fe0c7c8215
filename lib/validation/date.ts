/**
 * The one schema for calendar dates and the one for instants that come from outside (REST
 * bodies, forms, URL filters, import files). Both refuse what Postgres would store as
 * something else or choke on: impossible days (30 February was stored as 2 March when a
 * date was checked with Date.parse), year 0000, and years past 9999.
 *
 * The range is 1970-01-01 to 9999-12-31: every date in it has the four-digit year that
 * YYYY-MM-DD and ISO 8601 exports write (so an export always imports again), and nothing a
 * migration programme plans or records happened before the Unix epoch; a year like 0202 or
 * 1027 is a typo, and it is refused on its field instead of being planned.
 */
import * as z from "zod";

export const MIN_DATE = "1970-01-01";
export const MAX_DATE = "9999-12-31";
const RANGE_MESSAGE = `use a date from ${MIN_DATE} to ${MAX_DATE}`;
// Instants are compared in UTC: 1970-01-01T00:30+01:00 is still 1969 and out of range.
const MIN_INSTANT = Date.parse(`${MIN_DATE}T00:00:00Z`);
const MAX_INSTANT = Date.parse(`${MAX_DATE}T23:59:59.999Z`);

export type DateOptions = {
  /** The message for text that is not a date at all ("use a date like 2027-06-30"). */
  error?: string;
};

/**
 * A calendar date as YYYY-MM-DD, a real day of the Gregorian calendar (z.iso.date knows the
 * month lengths and leap years) and within the range above. The value stays a string: the
 * caller turns it into the UTC midnight the @db.Date columns take, with `dateToDb`.
 */
export function dateSchema({ error = "use a date like 2027-06-30" }: DateOptions = {}) {
  return z.iso
    .date({ error: (iss) => (isDateShaped(iss.input) ? `${String(iss.input)} is not a day in the calendar` : isOutsideYears(iss.input) ? RANGE_MESSAGE : error), abort: true })
    .refine((value) => value >= MIN_DATE && value <= MAX_DATE, { error: RANGE_MESSAGE });
}

// The shape is right but the day is not (2026-02-30, 2025-02-29, 2026-13-01): say so, rather
// than "use a date like ..." for a value that looks exactly like one.
const isDateShaped = (value: unknown) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
// A five-digit or signed year (+10000-01-01, -0001-01-01, the ISO forms beyond 0000-9999).
const isOutsideYears = (value: unknown) => typeof value === "string" && /^([+-]\d{4,}|\d{5,})-\d{2}-\d{2}$/.test(value);

/** An instant in ISO 8601 with a zone (Z or an offset), within the range above once in UTC. */
export function instantSchema({ error = "use a date and time with a zone, like 2026-03-31T09:30:00Z" }: DateOptions = {}) {
  return z.iso.datetime({ offset: true, error, abort: true }).refine((value) => {
    const at = Date.parse(value);
    return at >= MIN_INSTANT && at <= MAX_INSTANT;
  }, { error: RANGE_MESSAGE });
}

/** A validated YYYY-MM-DD as the Date a @db.Date column stores (UTC midnight of that day). */
export const dateToDb = (value: string): Date => new Date(`${value}T00:00:00Z`);
