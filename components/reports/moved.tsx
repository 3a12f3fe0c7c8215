import { Link } from "@/components/ui/link";
import { signalLabel } from "@/lib/slices/stage-machine";
import { stageLabel } from "@/lib/slices/stages";
import type { WeeklyReport } from "@/lib/reports/types";
import { formatInstant } from "./format";

type Moved = WeeklyReport["moved"];

const sliceLink = (base: string, id: string, name: string) => (
  <Link href={`${base}/slices/${encodeURIComponent(id)}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
    {name}
  </Link>
);

/** The week's rollbacks: which slice, from and to which stage, why, and what the signal read. */
export function RollbackList({ rollbacks, base, timeZone, none = "No rollbacks this week." }: { rollbacks: Moved["rollbacks"]; base: string; timeZone: string; none?: string }) {
  if (rollbacks.length === 0) return <p className="text-sm text-slate-600">{none}</p>;
  return (
    <ul aria-label="Rollbacks" className="divide-y divide-slate-100">
      {rollbacks.map((r) => (
        <li key={`${r.sliceId}-${r.at}`} className="py-3 text-sm first:pt-0 last:pb-0">
          <p>
            {sliceLink(base, r.sliceId, r.slice)} rolled back from {stageLabel(r.from)} to {stageLabel(r.to)}
          </p>
          <p className="text-xs text-slate-600">
            {r.team} · <time dateTime={r.at}>{formatInstant(r.at, timeZone)}</time>
          </p>
          <p className="mt-1 text-slate-800">Reason: {r.reason}</p>
          {r.signal || r.observed ? (
            <p className="text-slate-700">
              Signal: {r.signal ? signalLabel(r.signal) : "not recorded"}
              {r.observed ? `, observed ${r.observed}` : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Stage moves and completions of the week, in the order they happened. */
export function MovedList({ moved, base, timeZone }: { moved: Moved; base: string; timeZone: string }) {
  const rows = [
    ...moved.stageChanges.map((c) => ({ at: c.at, key: `s-${c.sliceId}-${c.at}`, id: c.sliceId, slice: c.slice, team: c.team, what: `${c.kind === "skip" ? "skipped" : "moved"} from ${stageLabel(c.from)} to ${stageLabel(c.to)}` })),
    ...moved.completions.map((c) => ({ at: c.at, key: `c-${c.sliceId}-${c.at}`, id: c.sliceId, slice: c.slice, team: c.team, what: c.status === "live" ? "went live (all traffic moved)" : "done (old path retired)" })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  if (rows.length === 0) return <p className="text-sm text-slate-600">No slice changed stage or finished this week.</p>;
  return (
    <ul aria-label="Stage changes and completions" className="divide-y divide-slate-100">
      {rows.map((r) => (
        <li key={r.key} className="py-2 text-sm first:pt-0 last:pb-0">
          <p>
            {sliceLink(base, r.id, r.slice)} {r.what}
          </p>
          <p className="text-xs text-slate-600">
            {r.team} · <time dateTime={r.at}>{formatInstant(r.at, timeZone)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
