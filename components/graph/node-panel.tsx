"use client";

import { Link } from "@/components/ui/link";
import { forwardRef } from "react";
import { stageLabel, statusLabel } from "@/lib/slices/stages";
import { groupLabel } from "@/lib/graph/grouping";
import type { ViewItem } from "@/lib/graph/view";
import type { Neighbours } from "./protocol";

type Props = {
  slug: string;
  item: ViewItem | null;
  neighbours: Neighbours | null;
  onSelect: (name: string) => void;
  onFocus: (name: string) => void;
  onExpand: (key: string) => void;
};

function NeighbourList({ title, list, onSelect }: { title: string; list: Neighbours["dependsOn"]; onSelect: (name: string) => void }) {
  return (
    <section aria-label={title} className="mt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {title} ({list.length})
      </h3>
      {list.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm">
          {list.map((n) => (
            <li key={n.name}>
              <button type="button" onClick={() => onSelect(n.name)} className="text-left text-brand-700 underline-offset-2 hover:underline">
                {n.name}
              </button>{" "}
              <span className="text-slate-600">
                ({n.kind}
                {n.blocked ? ", blocked" : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The selected service (or group): its slice, wave, status, stage and owner, links to its pages, and its neighbourhood as a list. */
export const NodePanel = forwardRef<HTMLHeadingElement, Props>(function NodePanel({ slug, item, neighbours, onSelect, onFocus, onExpand }, headingRef) {
  if (!item) {
    return (
      <aside aria-label="Selected service" className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700 shadow-sm">
        <h2 ref={headingRef} tabIndex={-1} className="font-semibold text-slate-900">
          Nothing selected
        </h2>
        <p className="mt-1">Select a service (click it, or focus the graph and use the arrow keys) to see its slice, owner and neighbours here.</p>
      </aside>
    );
  }
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex gap-2">
      <dt className="w-24 shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
  if (item.type === "group") {
    return (
      <aside aria-label="Selected group" className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
        <h2 ref={headingRef} tabIndex={-1} className="font-semibold text-slate-900">
          {groupLabel(item.groupKey!)}
        </h2>
        <dl className="mt-2 space-y-1">
          {row("Services", item.count)}
          {row("Inside", `${item.internalEdges} dependencies between its own services (not drawn)`)}
        </dl>
        <button type="button" onClick={() => onExpand(item.groupKey!)} className="mt-3 rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700">
          Expand this group
        </button>
      </aside>
    );
  }
  // Large views arrive without details: they come with the neighbourhood.
  const n = item.node ?? neighbours?.node;
  if (!n) {
    return (
      <aside aria-label="Selected service" className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
        <h2 ref={headingRef} tabIndex={-1} className="break-words font-semibold text-slate-900">
          {item.label}
        </h2>
        <p className="mt-2 text-slate-600">Loading its details…</p>
      </aside>
    );
  }
  return (
    <aside aria-label="Selected service" className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <h2 ref={headingRef} tabIndex={-1} className="break-words font-semibold text-slate-900">
        {item.label}
      </h2>
      <dl className="mt-2 space-y-1">
        {row("Owner", n.team ?? "No team")}
        {row("Kind", `${n.kind}${n.stateful ? ", stateful" : ""}${n.shared ? ", shared" : ""}`)}
        {row("Slice", n.slice && n.sliceId ? <Link href={`/p/${slug}/slices/${n.sliceId}`}>{n.slice}</Link> : "Not in a slice")}
        {row("Wave", n.wave ?? (n.proposedWave ? `None yet (the plan says ${n.proposedWave})` : "None"))}
        {row("Status", n.status ? statusLabel[n.status] : "—")}
        {row("Stage", n.stage ? stageLabel(n.stage) : "—")}
        {n.system ? row("System", n.system) : null}
        {item.isCycle ? row("Cycle", "In a dependency cycle: moves with the rest of it") : null}
        {item.isCritical ? row("Critical path", "On the longest chain of the plan") : null}
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <Link href={`/p/${slug}/services/${n.id}`} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
          Service page
        </Link>
        <button type="button" onClick={() => onFocus(item.id)} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
          Focus on its neighbourhood
        </button>
      </div>
      {neighbours ? (
        <>
          <NeighbourList title="Depends on (upstream)" list={neighbours.dependsOn} onSelect={onSelect} />
          <NeighbourList title="Used by (downstream)" list={neighbours.usedBy} onSelect={onSelect} />
        </>
      ) : null}
    </aside>
  );
});
