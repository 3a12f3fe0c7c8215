/** The one result shape every server action returns, read by `useActionState` in forms. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; formError: string; fieldErrors: Record<string, string[]>; code?: string; details?: unknown };

export const initialActionState = null as ActionResult<unknown> | null;
