import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ActionResult } from "./result";

/**
 * The one shape of a server action: require the user, safeParse the input, call the
 * mutation (which authorises inside), return a typed result. Expected failures (AppError)
 * become messages; anything else is logged with the request id and shown generically.
 * Revalidate or redirect in the caller, after this returns, never inside a try.
 *
 * Input may be FormData (converted with `formDataToObject`) or a plain object.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.infer<S>) => Promise<T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    let actor: Actor;
    try {
      actor = await requireActionActor();
    } catch (error) {
      return failure(error);
    }
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) {
      return { ok: false, code: "INVALID", formError: "Please correct the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    try {
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      return failure(error, actor.requestId);
    }
  };
}

function failure(error: unknown, requestId?: string): ActionResult<never> {
  if (isAppError(error)) {
    const fieldErrors = Array.isArray(error.details)
      ? Object.fromEntries((error.details as { path?: string; message?: string }[]).filter((d) => d.path).map((d) => [d.path!, [d.message ?? "invalid"]]))
      : {};
    return { ok: false, code: error.code, formError: error.message, fieldErrors, details: error.details };
  }
  log.error("server action failed", { requestId, error: error instanceof Error ? error : String(error) });
  return { ok: false, code: "INTERNAL", formError: `Something went wrong on our side.${requestId ? ` Reference: ${requestId}.` : ""}`, fieldErrors: {} };
}

/** FormData to a plain object; repeated keys become arrays, empty strings become undefined. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const value = typeof raw === "string" ? (raw === "" ? undefined : raw) : raw;
    if (value === undefined) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}
