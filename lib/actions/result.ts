import type { ErrorPayload } from "@/lib/errors";

/**
 * A failed action: the message to show, per-field messages, and the error's code with its
 * typed details (see ErrorDetails), so a client reads structure, never the message's wording.
 * INTERNAL is a bug logged on the server; no code is a refusal outside the AppError codes.
 */
export type ActionFailure = { ok: false; formError: string; fieldErrors: Record<string, string[]> } & (ErrorPayload | { code: "INTERNAL"; details?: undefined } | { code?: undefined; details?: undefined });

/** The one result shape every server action returns, read by `useActionState` in forms. */
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export const initialActionState = null as ActionResult<unknown> | null;
