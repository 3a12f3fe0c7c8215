/**
 * The one schema for whole numbers that come from outside and reach an integer column or a
 * query (tiers, peak RPS, wave numbers, versions, positions, page numbers, limits). Postgres
 * "integer" holds 32 bits: a bigger value used to pass z.int() (53 bits) and fail in the
 * driver as a 500, so every whole number is bounded here and refused on its field instead.
 */
import * as z from "zod";

export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

export type IntOptions = {
  /** Smallest allowed value; 0 unless said (counts, numbers and versions are never negative). */
  min?: number;
  /** Largest allowed value; the integer column's limit unless the domain has a smaller one. */
  max?: number;
  /** The message for a value that is not a whole number (and, unless given below, for the range too). */
  error?: string;
  tooSmall?: string;
  tooBig?: string;
};

/**
 * A whole number from `min` to `max` (JSON numbers). The range is checked before "whole", so
 * 1e20 reads "must be at most ..." rather than a note about JavaScript's safe integers.
 */
export function intSchema({ min = 0, max = INT4_MAX, error, tooSmall, tooBig }: IntOptions = {}) {
  if (min < INT4_MIN || max > INT4_MAX) throw new Error(`intSchema: ${min}..${max} does not fit an integer column`);
  return z
    .number({ error: error ?? "must be a whole number" })
    .min(min, { error: tooSmall ?? error ?? `must be at least ${min}`, abort: true })
    .max(max, { error: tooBig ?? error ?? `must be at most ${max}`, abort: true })
    .int({ error: error ?? "must be a whole number" });
}

// Digits only (an optional sign): z.coerce.number() also read "" as 0, "1e3" as 1000 and
// "0x10" as 16, none of which a person typing a number means.
const WHOLE_NUMBER_TEXT = /^[+-]?\d+$/;
const textToNumber = (value: unknown) => (typeof value === "string" && WHOLE_NUMBER_TEXT.test(value.trim()) ? Number(value.trim()) : value);

/** The same number, also read from text (form fields, query strings, path parameters). */
export function intFromTextSchema(options: IntOptions = {}) {
  return z.preprocess(textToNumber, intSchema(options));
}
