import { formatDateTime } from "@/lib/format";
import { signalLabel } from "@/lib/slices/stage-machine";
import type { HistoryEntry } from "@/lib/slices/queries/slice-page";

const kindText: Record<HistoryEntry["kind"], string> = { move: "Stage move", rollback: "Rollback", status: "Status", tick: "Checklist", other: "Change" };
const kindStyle: Record<HistoryEntry["kind"], string> = {
  move: "border-sky-300 text-sky-900",
  rollback: "border-rose-300 text-rose-900",
  status: "border-violet-300 text-violet-900",
  tick: "border-slate-300 text-slate-700",
  other: "border-slate-300 text-slate-700",
};

/** Who did what, when and why on this slice, newest first, from the audit events. */
export function SliceHistory({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing has happened to this slice yet.</p>;
  return (
    <ol aria-label="Stage and checklist history" className="space-y-3">
      {entries.map((e) => (
        <li key={e.id} className="text-sm">
          <p className="text-slate-900">
            <span className={`mr-2 inline-block rounded border px-1.5 text-xs ${kindStyle[e.kind]}`}>{kindText[e.kind]}</span>
            {e.actorName} {e.text}
          </p>
          {e.reason ? <p className="text-xs text-slate-700">Why: {e.reason}</p> : null}
          {e.signal || e.observed ? (
            <p className="text-xs text-slate-700">
              Signal: {e.signal ? signalLabel(e.signal) : "not recorded"}
              {e.observed ? ` (observed ${e.observed})` : ""}
            </p>
          ) : null}
          <p className="text-xs text-slate-500">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
