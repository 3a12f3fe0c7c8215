/**
 * The one schema for links that come from outside (evidence links, repository URLs, in
 * forms, REST bodies and import files). Only absolute http: and https: URLs: a stored link
 * is rendered as an <a href>, so javascript: runs script on click and data: can carry a
 * whole page; relative paths and other schemes mean nothing outside Ferry.
 */
import { textSchema } from "./text";

/** True for an absolute http: or https: URL with a host (javascript:, data:, relative paths are refused). */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export type UrlOptions = { max?: number; error?: string };

/**
 * A trimmed http(s) link of at most `max` characters. The text rule runs first: the URL
 * parser percent-encodes a NUL, so isHttpUrl alone would let one through to the database.
 */
export function httpUrlSchema({ max = 2000, error = "use an http(s) link, such as a pull request or a dashboard" }: UrlOptions = {}) {
  return textSchema()
    .trim()
    .max(max, { error: `keep the link under ${max.toLocaleString("en")} characters` })
    .refine(isHttpUrl, { error });
}
