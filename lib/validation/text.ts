/**
 * The one string schema for text that comes from outside (forms, REST bodies, import files,
 * URL filters) and may reach the database. Every input schema builds its text fields on
 * `textSchema`, so the rule below holds everywhere without each field repeating it.
 *
 * The rule: no control characters, and no unpaired surrogates. PostgreSQL text cannot hold
 * NUL (U+0000) and jsonb refuses an unpaired surrogate, so either used to get past validation
 * and fail in the driver as a 500; the other C0 controls and DEL are invisible and never meant.
 * Multi-line fields (descriptions, notes, reasons, pasted YAML) keep tab, line feed and
 * carriage return; single-line fields (names, ids, tags, links) refuse those too.
 */
import * as z from "zod";

export type TextOptions = {
  /** Allow tab, line feed and carriage return (for free text and pastes). */
  multiline?: boolean;
  /** Names the field in the message ("Service name contains ..."), for schemas whose messages do. */
  label?: string;
  /** The message when the value is not a string at all. */
  error?: string;
};

// DEL (U+007F) sits with the C0 set: just as invisible, just as unlikely to be meant.
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * What is wrong with `value` as stored text, or null. Checked on the trimmed value: the
 * schemas trim, so a pasted trailing newline in a single-line field is not an error, while
 * a NUL anywhere is (trimming never removes it).
 */
export function textProblem(value: string, multiline = false): string | null {
  const trimmed = value.trim();
  const control = (multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).exec(trimmed);
  if (control) return `contains a control character (${codePoint(control[0])})`;
  const surrogate = UNPAIRED_SURROGATE.exec(trimmed);
  if (surrogate) return `contains an unpaired surrogate (${codePoint(surrogate[0])}), which is not valid Unicode text`;
  return null;
}

/**
 * A string that can be stored: chain `.trim()`, `.min()`, `.max()` on it as on `z.string()`.
 * The check runs first and aborts, so a bad value gets this one message rather than a
 * length or pattern error about characters the user cannot see.
 */
export function textSchema({ multiline = false, label, error }: TextOptions = {}) {
  return z.string(error === undefined ? undefined : { error }).check((ctx) => {
    const problem = textProblem(ctx.value, multiline);
    if (problem) ctx.issues.push({ code: "custom", message: label ? `${label} ${problem}` : problem, input: ctx.value, continue: false });
  });
}
