import type { ActionResult } from "@/lib/actions/result";

/** A facility form's outcome, announced politely: the success message or the error. */
export function ResultLine({ state }: { state: ActionResult<unknown> | null }) {
  return (
    <p role="status" aria-live="polite" className={`text-xs ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
      {state ? (state.ok ? state.message : state.formError) : ""}
    </p>
  );
}
