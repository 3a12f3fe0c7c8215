import "server-only";
import { notFound } from "next/navigation";
import { textProblem } from "@/lib/validation/text";

/**
 * A page's path parameter (a slice or service id, a wave number), or Next's not-found page
 * when it could not name anything: a NUL or other control character (Postgres text refuses
 * NUL, so it reached the driver as a 500) or more than `max` characters. The programme slug
 * is checked the same way in getProgrammeForPage.
 */
export function pageParamOrNotFound(value: string, max = 200): string {
  if (value.length > max || textProblem(value)) notFound();
  return value;
}

/** A wave number from the path (1 to 10,000, the waves' range), or the not-found page. */
export function waveNumberOrNotFound(value: string): number {
  const number = /^\d{1,5}$/.test(value) ? Number(value) : 0;
  if (number < 1 || number > 10_000) notFound();
  return number;
}
