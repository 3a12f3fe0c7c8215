import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/current";
import { noteDatabaseError } from "@/lib/db/availability";
import { isDatabaseUnavailable, isUnstorableInput } from "@/lib/db/errors";
import { errorPayload, isAppError, isFieldIssues } from "@/lib/errors";
import { noteActionOutcome } from "@/lib/http/request-context";
import { log } from "@/lib/log";
import type { ActionFailure, ActionResult, SubmittedValues } from "./result";

/**
 * The one shape of a server action: require the user, safeParse the input, call the
 * mutation (which authorises inside), return a typed result. Expected failures (AppError)
 * become messages; anything else is logged with the request id and shown generically.
 * Revalidate or redirect in the caller, after this returns, never inside a try.
 *
 * Input may be FormData (converted with `formDataToObject`) or a plain object. Every failure
 * of a form carries what it submitted (`values`), so the form can show it again.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.infer<S>) => Promise<T>) {
  // The request's access line and the action metrics say how it ended (lib/http/request-context.ts).
  return async (input: unknown): Promise<ActionResult<T>> => noteActionOutcome(await attempt(input));
  async function attempt(input: unknown): Promise<ActionResult<T>> {
    let actor: Actor;
    try {
      actor = await requireActionActor();
    } catch (error) {
      return withSubmittedValues(failure(error), input);
    }
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return withSubmittedValues(invalidInput(parsed.error), input);
    try {
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      return withSubmittedValues(failure(error, actor.requestId), input);
    }
  }
}

/** The failure for input the schema refused: one message, and each field's own. */
export function invalidInput(error: z.ZodError): ActionFailure {
  const { formErrors, fieldErrors } = z.flattenError(error);
  // A rule over the whole form ("choose at least one field") names no field: its message is the form's.
  const fields = Object.values(fieldErrors).some((m) => (m as string[] | undefined)?.length);
  const formError = [fields || formErrors.length === 0 ? "Please correct the highlighted fields." : null, ...formErrors].filter(Boolean).join(" ");
  return { ok: false, code: "INVALID", formError, fieldErrors: fieldErrors as Record<string, string[]> };
}

/** A result with what the form submitted attached when it failed (an action that parses its form itself uses this too). */
export function withSubmittedValues<R extends ActionResult<unknown>>(result: R, form: unknown): R {
  if (result.ok || !(form instanceof FormData)) return result;
  return { ...result, values: submittedValues(form) };
}

// Never sent back: a password is typed again rather than kept in a page's state.
const SECRET_FIELD = /password/i;

/**
 * What a form submitted, as text, for showing it again: unlike `formDataToObject`, empty fields
 * stay (a field the person cleared must come back empty, not with its old value); files, React's
 * own fields and passwords are left out.
 */
export function submittedValues(form: unknown): SubmittedValues {
  const out: SubmittedValues = {};
  if (!(form instanceof FormData)) return out;
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || SECRET_FIELD.test(key)) continue;
    const had = out[key];
    out[key] = had === undefined ? value : ([] as string[]).concat(had, value);
  }
  return out;
}

function failure(error: unknown, requestId?: string): ActionFailure {
  if (isAppError(error)) {
    const fieldErrors = isFieldIssues(error.details) ? Object.fromEntries(error.details.map((d) => [d.path, [d.message]])) : {};
    return { ok: false, formError: error.message, fieldErrors, ...errorPayload(error) };
  }
  if (isDatabaseUnavailable(error)) {
    noteDatabaseError(error);
    log.warn("server action: database unavailable", { requestId });
    return { ok: false, code: "UNAVAILABLE", formError: "Ferry cannot reach its database right now. Nothing was saved; try again in a few seconds.", fieldErrors: {} };
  }
  if (isUnstorableInput(error)) {
    // A bound argument (the programme slug the page bound into the form) is the caller's to
    // forge; one the database cannot even compare (a NUL byte, a wrong type) is bad input.
    log.warn("server action: a value the database refused", { requestId });
    return { ok: false, code: "INVALID", formError: "This form sent a value Ferry cannot use. Reload the page and try again.", fieldErrors: {} };
  }
  log.error("server action failed", { requestId, error: error instanceof Error ? error : String(error) });
  return { ok: false, code: "INTERNAL", formError: `Something went wrong on our side.${requestId ? ` Reference: ${requestId}.` : ""}`, fieldErrors: {} };
}

/**
 * FormData to a plain object; repeated keys become arrays, empty strings become undefined.
 * Anything else (an action called with its form missing, as a hand-made request can) is an
 * empty object, which the schema then refuses field by field.
 */
export function formDataToObject(form: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!(form instanceof FormData)) return out;
  for (const [key, raw] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const value = typeof raw === "string" ? (raw === "" ? undefined : raw) : raw;
    if (value === undefined) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

/**
 * One text field of an action's form, for what the caller does after the mutation (the path to
 * revalidate); undefined when a hand-made request sent no form or no such field.
 */
export function formField(form: unknown, name: string): string | undefined {
  const value = form instanceof FormData ? form.get(name) : undefined;
  return typeof value === "string" ? value : undefined;
}
