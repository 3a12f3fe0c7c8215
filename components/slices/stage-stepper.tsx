import { STAGES, stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";

/** The traffic stages in order, the current one marked in text and by aria-current, not by colour alone. */
export function StageStepper({ stage }: { stage: Stage }) {
  const current = stageIndex(stage);
  return (
    <ol aria-label="Traffic stages" className="grid grid-cols-3 gap-2 sm:flex sm:flex-wrap sm:items-stretch">
      {STAGES.map((s, i) => {
        const state = i < current ? "passed" : i === current ? "current" : "ahead";
        const style =
          state === "current" ? "border-brand-600 bg-brand-50 text-brand-900 ring-2 ring-brand-600" : state === "passed" ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-200 bg-white text-slate-600";
        return (
          <li key={s} aria-current={state === "current" ? "step" : undefined} className={`flex min-w-20 flex-col items-center rounded-md border px-2 py-2 sm:px-3 ${style}`}>
            <span className="text-sm font-semibold tabular-nums">
              {state === "passed" ? <span aria-hidden="true">✓ </span> : null}
              {stageLabel(s)}
            </span>
            <span className="text-xs">{state === "current" ? "current" : state === "passed" ? "passed" : "ahead"}</span>
          </li>
        );
      })}
    </ol>
  );
}
