import { Link } from "@/components/ui/link";
import type { TeamWaits } from "@/lib/planning";
import type { AgainstOrder } from "@/lib/waves/board";

/**
 * Who waits on whom: blocked slices grouped by the team they wait on (the first `limit` per team,
 * with a link to the rest). `headingLevel` keeps the outline: h3 inside the board's card, h2 on
 * the page of its own, which has no card heading above the groups.
 */
export function WaitsView({ waits, limit, teamLimit, moreHref, headingLevel = 3, againstOrder = [], base }: { waits: TeamWaits[]; limit?: number; teamLimit?: number; moreHref?: string; headingLevel?: 2 | 3; againstOrder?: AgainstOrder[]; base?: string }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const against = againstOrder.length ? <AgainstOrderList slices={againstOrder} limit={limit} moreHref={moreHref} Heading={Heading} base={base} /> : null;
  if (waits.length === 0) {
    return (
      <div className="space-y-4">
        {against}
        <p className="text-sm text-slate-600">No slice is waiting on another planned earlier: nothing is blocked.</p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {against}
      <TeamGroups waits={waits} limit={limit} teamLimit={teamLimit} moreHref={moreHref} Heading={Heading} />
    </div>
  );
}

/**
 * Slices whose wave breaks the order, most often a manager's pin: not blocked by the rule (what
 * they follow is not planned earlier), but waiting on it all the same, so listed here, first.
 * With a `limit` (the board), the first few and a link to all of them: after a plan is changed
 * by hand there can be hundreds, and the board is a page people open many times a day.
 */
function AgainstOrderList({ slices, limit, moreHref, Heading, base }: { slices: AgainstOrder[]; limit?: number; moreHref?: string; Heading: "h2" | "h3"; base?: string }) {
  const shown = limit !== undefined && moreHref ? slices.slice(0, limit) : slices;
  return (
    <section aria-labelledby="waits-against-order-title" className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <Heading id="waits-against-order-title" className="text-sm font-semibold text-amber-950">
        Placed against the order ({slices.length})
      </Heading>
      <ul className="mt-2 space-y-1.5 text-sm text-amber-950">
        {shown.map((s) => (
          <li key={s.id}>
            {base ? (
              <Link href={`${base}/slices/${s.id}`} className="font-medium underline">
                {s.name}
              </Link>
            ) : (
              <span className="font-medium">{s.name}</span>
            )}{" "}
            ({s.team}, wave {s.wave}
            {s.pinnedWave !== null ? `, pinned${s.pinReason ? `: ${s.pinReason}` : ""}` : ""}) waits on what it breaks: {s.breaks.join("; ")}
          </li>
        ))}
      </ul>
      {shown.length < slices.length ? (
        <a href={`${moreHref}#waits-against-order-title`} className="mt-2 inline-block text-sm font-medium text-amber-950 underline">
          All {slices.length} placed against the order
        </a>
      ) : null}
    </section>
  );
}

/**
 * The teams waited on, each with its first `limit` waiting slices. With a `teamLimit` (the
 * board), only the teams most waited on, then a link to the others: a large programme has
 * eighty teams, and the board is not where all of them are read.
 */
function TeamGroups({ waits, limit, teamLimit, moreHref, Heading }: { waits: TeamWaits[]; limit?: number; teamLimit?: number; moreHref?: string; Heading: "h2" | "h3" }) {
  const shown = teamLimit !== undefined && moreHref ? [...waits].sort((a, b) => b.waiting.length - a.waiting.length).slice(0, teamLimit) : waits;
  const rest = waits.length - shown.length;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
        {shown.map((group) => (
          <section key={group.team ?? "(none)"} aria-labelledby={`waits-${encodeURIComponent(group.team ?? "none")}-title`} id={`waits-${encodeURIComponent(group.team ?? "none")}`} className="rounded-md border border-slate-200 p-3">
            <Heading id={`waits-${encodeURIComponent(group.team ?? "none")}-title`} className="text-sm font-semibold text-slate-900">
              Waiting on {group.team ?? "slices without a team"} ({group.waiting.length})
            </Heading>
            <ul className="mt-2 space-y-1.5 text-sm">
              {group.waiting.slice(0, limit ?? group.waiting.length).map((w) => (
                <li key={w.id}>
                  <span className="font-medium text-slate-900">{w.name}</span> <span className="text-slate-600">({w.team ?? "no team"}, wave {w.wave})</span> waits on{" "}
                  {w.waitsOn.map((ref, i) => (
                    <span key={ref.id}>
                      {i > 0 ? ", " : ""}
                      {ref.name} <span className="text-slate-600">(wave {ref.wave}, {ref.status.replace("_", " ")})</span>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            {limit !== undefined && group.waiting.length > limit && moreHref ? (
              <a href={`${moreHref}#waits-${encodeURIComponent(group.team ?? "none")}`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
                All {group.waiting.length} waiting on {group.team ?? "slices without a team"}
              </a>
            ) : null}
          </section>
        ))}
      </div>
      {rest > 0 ? (
        <p className="text-sm text-slate-700">
          {rest} more team{rest === 1 ? " is" : "s are"} waited on.{" "}
          <a href={moreHref} className="font-medium text-brand-700 underline">
            All {waits.length} teams on the page of who waits on whom
          </a>
        </p>
      ) : null}
    </div>
  );
}
