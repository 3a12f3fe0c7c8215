import type { ActionForm } from "@/components/ui/form";
import { FormAlert } from "@/components/ui/form";
import type { BlockingItem } from "@/lib/checklists/gates";
import { stageLabel } from "@/lib/slices/stages";

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
