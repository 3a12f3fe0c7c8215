import type { ReactNode } from "react";
import { formatPercent } from "@/lib/format";
import type { Change, Headline } from "@/lib/reports/types";
import { arrowOf, countChange, shareChange, type ChangeText } from "./format";

/** A change since last week: an arrow for the eye and the same in words, never colour alone. */
export function ChangeLine({ change, prefix }: { change: ChangeText | null; prefix?: string }) {
  if (!change) return null;
  return (
    <span className="inline-flex items-baseline gap-1">
      <span aria-hidden="true" className="text-[0.7em] text-slate-500">
        {arrowOf[change.direction]}
      </span>
      <span>
        {prefix ? `${prefix} ` : ""}
        {change.text}
      </span>
    </span>
  );
}

function HeadlineStat({ label, value, changes, detail }: { label: string; value: ReactNode; changes: ReactNode[]; detail?: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      <dd className="mt-1 space-y-0.5 text-xs text-slate-600">
        {changes.map((c, i) => (
          <span key={i} className="block">
            {c}
          </span>
        ))}
        {detail ? <span className="block text-slate-500">{detail}</span> : null}
      </dd>
    </div>
  );
}

const ofTotal = (part: Change, total: Change) => `${part.value} of ${total.value}`;

/** Scope's change, said only when it changed: the "of N" moved under the reader. */
function scopeChange(total: Change, noun: string): ReactNode {
  const c = countChange(total);
  return c.direction === "same" ? null : <ChangeLine change={c} prefix={`${noun} in scope`} />;
}

/** The report's four headline figures, each with its change since the end of last week. */
export function HeadlineStats({ headline }: { headline: Headline }) {
  const h = headline;
  const share = h.trafficShare.value;
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <HeadlineStat
        label="Slices live or done"
        value={ofTotal(h.slicesFinished, h.slicesTotal)}
        changes={[<ChangeLine key="c" change={countChange(h.slicesFinished)} />, scopeChange(h.slicesTotal, "slices")]}
        detail={h.slicesTotal.value ? `${formatPercent(h.slicesFinished.value / h.slicesTotal.value)} of the slices` : "no slices yet"}
      />
      <HeadlineStat label="Slices done" value={h.slicesDone.value} changes={[<ChangeLine key="c" change={countChange(h.slicesDone)} />]} detail={`of ${h.slicesTotal.value}: old path retired`} />
      <HeadlineStat
        label="Services migrated"
        value={ofTotal(h.servicesMigrated, h.servicesTotal)}
        changes={[<ChangeLine key="c" change={countChange(h.servicesMigrated)} />, scopeChange(h.servicesTotal, "services")]}
        detail="in slices that are live or done"
      />
      <HeadlineStat
        label="Peak traffic on Kubernetes"
        value={share === null ? "—" : formatPercent(share)}
        changes={[<ChangeLine key="c" change={shareChange(h.trafficShare)} />]}
        detail={share === null ? "no peak traffic recorded" : "weighted by each service's peak requests per second"}
      />
    </dl>
  );
}
