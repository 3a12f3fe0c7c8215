import type { ActionResult } from "@/lib/actions/result";
import type { BlockingItem } from "@/lib/checklists/gates";
import { stageLabel } from "@/lib/slices/stages";

const isBlockingList = (details: unknown): details is BlockingItem[] =>
  Array.isArray(details) && details.every((d) => d && typeof d === "object" && "title" in d);

/**
 * The outcome of a slice form, announced politely: a success line, or the error with the
 * open items a refused move lists (GATE_BLOCKED) so the lead sees what to tick.
 */
export function ActionFeedback({ state, success, label }: { state: ActionResult<unknown> | null; success: string; label: string }) {
  return (
    <div role="status" aria-live="polite" aria-label={label} className="min-h-5 text-sm">
      {state === null ? null : state.ok ? (
        <p className="text-emerald-800">{success}</p>
      ) : (
        <div className="rounded-md border border-rose-300 bg-rose-50 p-3 text-rose-900">
          <p className="font-medium">{state.formError}</p>
          {state.code === "GATE_BLOCKED" && isBlockingList(state.details) ? (
            <ul aria-label="Open items blocking the move" className="mt-2 list-disc pl-5">
              {state.details.map((item) => (
                <li key={item.id}>
                  {item.title}
                  {item.gateStage ? <span className="text-rose-800"> (gates {stageLabel(item.gateStage)})</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** The first error of a field, for the line under it. */
export const fieldError = (state: ActionResult<unknown> | null, field: string): string | undefined => (state && !state.ok ? state.fieldErrors[field]?.[0] : undefined);
