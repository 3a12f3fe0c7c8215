import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { stageLabel, statusLabel } from "@/lib/slices/stages";
import type { AttentionSlice } from "@/lib/reports/types";
import { reasonText, teamsWaitedOn } from "@/lib/reports/words";

const isBlocked = (s: AttentionSlice) => s.reasons.some((r) => r.kind === "blocked");

/** The slices that need attention, split into blocked and at risk (a blocked one may also be at risk). */
export function splitAttention(slices: AttentionSlice[]) {
  return { blocked: slices.filter(isBlocked), atRisk: slices.filter((s) => !isBlocked(s)) };
}

function AttentionItem({ slice, base }: { slice: AttentionSlice; base: string }) {
  // Other teams only: "Owner: Search · waits on Search" said nothing the reason below does not.
  const waits = teamsWaitedOn(slice.reasons).filter((team) => team !== slice.team);
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Link href={`${base}/slices/${encodeURIComponent(slice.sliceId)}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
          {slice.slice}
        </Link>
        {slice.isNew ? <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300">new this week</span> : null}
      </div>
      <p className="text-xs text-slate-600">
        Owner: {slice.team}
        {waits.length ? ` · waits on ${waits.join(", ")}` : ""}
        {` · ${slice.wave === null ? "no wave" : `wave ${slice.wave}`} · ${statusLabel[slice.status]}, ${stageLabel(slice.stage)}`}
      </p>
      <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
        {slice.reasons.map((r, i) => (
          <li key={i}>{reasonText(r)}</li>
        ))}
      </ul>
    </li>
  );
}

/** One list of slices needing attention, or a sentence saying there are none. */
export function AttentionList({ slices, base, label, none }: { slices: AttentionSlice[]; base: string; label: string; none: string }) {
  if (slices.length === 0) return <p className="text-sm text-slate-600">{none}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {slices.map((s) => (
        <AttentionItem key={s.sliceId} slice={s} base={base} />
      ))}
    </ul>
  );
}

/** The two cards the overview and the report page both show: blocked slices, and those at risk. */
export function AttentionCards({ slices, base }: { slices: AttentionSlice[]; base: string }) {
  const { blocked, atRisk } = splitAttention(slices);
  return (
    <>
      <Card title="Blocked">
        <AttentionList slices={blocked} base={base} label="Blocked slices" none="No slice is blocked." />
      </Card>
      <Card title="At risk">
        <AttentionList slices={atRisk} base={base} label="Slices at risk" none="No slice is at risk." />
      </Card>
    </>
  );
}
