import type { ActionForm } from "@/components/ui/form";
import { FormAlert } from "@/components/ui/form";
import type { BlockingItem } from "@/lib/checklists/gates";
import { stageLabel } from "@/lib/slices/stages";

const isStaleVersion = (details: unknown): boolean => Boolean(details && typeof details === "object" && "currentVersion" in details);

// The server's message counts versions, which mean nothing to a person; the details say the same.
const STALE = "This slice changed since the page was loaded (a move or a tick by someone else). Reload the page and decide again.";

const isBlockingList = (details: unknown): details is BlockingItem[] =>
  Array.isArray(details) && details.every((d) => d && typeof d === "object" && "title" in d);

/**
 * The outcome of a slice form (the form alert, named): a success line, or the error with the
 * open items a refused move lists (GATE_BLOCKED) so the lead sees what to tick.
 */
export function ActionFeedback({ form, success, label }: { form: ActionForm<unknown>; success: string; label: string }) {
  const f = form.failure;
  return (
    <FormAlert
      form={form}
      label={label}
      success={success}
      failureText={f?.code === "CONFLICT" && isStaleVersion(f.details) ? STALE : undefined}
      details={
        f?.code === "GATE_BLOCKED" && isBlockingList(f.details) ? (
          <ul aria-label="Open items blocking the move" className="mt-2 list-disc pl-5">
            {f.details.map((item) => (
              <li key={item.id}>
                {item.title}
                {item.gateStage ? <span className="text-rose-800"> (gates {stageLabel(item.gateStage)})</span> : null}
              </li>
            ))}
          </ul>
        ) : null
      }
    />
  );
}
