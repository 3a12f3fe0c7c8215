import type { ErrorPayload } from "@/lib/errors";

/**
 * What a form sent, as text: every text field (empty ones included, since clearing a field is
 * input too), repeated names as lists, files and secrets left out. A failed action returns it
 * so the form shows exactly what was typed again (React resets a form after its action runs).
 */
export type SubmittedValues = Record<string, string | string[]>;

/**
 * A failed action: the message to show, per-field messages, what was submitted, and the
 * error's code with its typed details (see ErrorDetails), so a client reads structure, never
 * the message's wording. INTERNAL is a bug logged on the server; no code is a refusal outside
 * the AppError codes.
 */
export type ActionFailure = { ok: false; formError: string; fieldErrors: Record<string, string[]>; values?: SubmittedValues } & (
  | ErrorPayload
  | { code: "INTERNAL"; details?: undefined }
  | { code?: undefined; details?: undefined }
);

/** The one result shape every server action returns, read by `useActionState` in forms. */
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export const initialActionState = null as ActionResult<unknown> | null;
