import { BLOCKED_COLOUR, CRITICAL_COLOUR, CYCLE_COLOUR, EDGE_STYLES } from "@/lib/graph/palette";
import type { View } from "@/lib/graph/view";

/** Always beside the graph: each colour with its badge (the second channel), edge styles and marks. */
export function GraphLegend({ view, webgl }: { view: View; webgl: boolean }) {
  return (
    <section aria-label="Legend" className="rounded-lg border border-slate-200 bg-white p-3 text-xs text-slate-800 shadow-sm">
      <h2 className="mb-1 font-semibold">Legend</h2>
      <ul className="flex max-h-40 flex-wrap gap-x-3 gap-y-1 overflow-y-auto">
        {view.legend.map((c) => (
          <li key={c.key} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-slate-500" style={{ background: c.colour }} />
            <span className="font-mono">{c.badge}</span> {c.label}
          </li>
        ))}
      </ul>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
        {(["sync", "async", "data"] as const).map((kind) => (
          <li key={kind} className="flex items-center gap-1">
            <svg aria-hidden="true" width="28" height="8">
              <line x1="0" y1="4" x2="28" y2="4" stroke={EDGE_STYLES[kind].colour} strokeWidth="2" strokeDasharray={webgl ? "" : EDGE_STYLES[kind].dash} />
            </svg>
            {EDGE_STYLES[kind].label}
            {webgl ? " (colour)" : ""}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <svg aria-hidden="true" width="28" height="8">
            <line x1="0" y1="4" x2="28" y2="4" stroke={BLOCKED_COLOUR} strokeWidth="3" />
          </svg>
          Blocked: waits for a slice that is not live
        </li>
        <li className="flex items-center gap-1">
          <span aria-hidden="true" style={{ color: CYCLE_COLOUR }}>
            ↻
          </span>
          In a cycle: moves together
        </li>
        <li className="flex items-center gap-1">
          <span aria-hidden="true" style={{ color: CRITICAL_COLOUR }}>
            ★
          </span>
          On the critical path
        </li>
        {view.grouping ? <li>Rounded boxes{webgl ? " and large dots" : ""} are groups; a thicker edge bundles more dependencies</li> : null}
      </ul>
    </section>
  );
}
