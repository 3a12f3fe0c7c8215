"use client";

import { useId, useRef, useState } from "react";
import { DEPENDENCY_KINDS, SERVICE_KINDS } from "@/lib/inventory/model";
import { SLICE_STATUSES, STAGES, stageLabel, statusLabel } from "@/lib/slices/stages";
import { COLOUR_BYS, HIGHLIGHTS, MAX_DEPTH, type ViewParams } from "@/lib/graph/view-params";
import { Select, selectClass } from "@/components/ui/select";
import type { GraphSummary } from "./protocol";

type Props = {
  params: ViewParams;
  summary: GraphSummary;
  update: (change: Partial<ViewParams>) => void;
  search: (text: string) => Promise<string[]>;
  onFound: (name: string) => void;
};

const FACETS = ["team", "wave", "kind", "status", "stage", "dep"] as const;
const HIGHLIGHT_LABELS = { cycles: "Cycles", critical: "Critical path", blocked: "Blocked edges" } as const;
const COLOUR_LABELS = { wave: "Wave", status: "Status", stage: "Traffic stage", team: "Team" } as const;

function facetChoices(facet: (typeof FACETS)[number], summary: GraphSummary): [string, string][] {
  if (facet === "team") return [...summary.teams.map((t): [string, string] => [t, t]), ["none", "No team"]];
  if (facet === "wave") return [...summary.waves.map((w): [string, string] => [String(w), `Wave ${w}`]), ["none", "No wave"]];
  if (facet === "kind") return SERVICE_KINDS.map((k) => [k, k]);
  if (facet === "status") return [...SLICE_STATUSES.map((s): [string, string] => [s, statusLabel[s]]), ["none", "Not in a slice"]];
  if (facet === "stage") return [...STAGES.map((s): [string, string] => [s, stageLabel(s)]), ["none", "Not in a slice"]];
  return DEPENDENCY_KINDS.map((k) => [k, k]);
}
const FACET_LABELS = { team: "Team", wave: "Wave", kind: "Kind", status: "Slice status", stage: "Traffic stage", dep: "Dependency kind" } as const;

/** The view's controls: every change goes into the URL (the explorer's only state). */
export function GraphControls({ params, summary, update, search, onFound }: Props) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<string[] | null>(null);
  // Where focus goes when the control that had it goes away (a chosen match, "Leave focus"):
  // the search it came from, rather than the page's body.
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const small = "text-xs font-medium text-slate-700";
  const choose = (name: string) => {
    setFound(null);
    setText(name);
    onFound(name);
    searchRef.current?.focus();
  };
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <form
        role="search"
        aria-label="Find a service"
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const names = await search(text);
          if (names.length === 1 || names[0] === text.trim()) choose(names[0]);
          else setFound(names);
        }}
      >
        <label className="min-w-40 flex-1 text-sm">
          <span className={small}>Find a service</span>
          <input ref={searchRef} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name, e.g. orders-api" className={selectClass} aria-describedby={found ? searchId : undefined} />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          Find and centre
        </button>
        {found ? (
          <div id={searchId} role="status" className="basis-full text-sm">
            {found.length === 0 ? (
              <p>No service matches “{text}”.</p>
            ) : (
              <ul aria-label="Matching services" className="flex flex-wrap gap-1">
                {found.map((name) => (
                  <li key={name}>
                    <button type="button" onClick={() => choose(name)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50">
                      {name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </form>
      {/* The first two lists are wider: "Auto (by size)" was cut off in an eighth of the row. */}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-[1.4fr_1.2fr_repeat(6,minmax(0,1fr))]">
        <label className="text-sm">
          <span className={small}>Group by</span>
          <Select
            value={params.expand === "all" ? "none" : params.group}
            onChange={(e) => update({ group: e.target.value as ViewParams["group"], expand: [] })}
            choices={[["auto", "Auto (by size)"], ["none", "Nothing: every service"], ["wave", "Wave"], ["team", "Team"], ["system", "System"]]}
          />
        </label>
        <label className="text-sm">
          <span className={small}>Colour by</span>
          <Select value={params.colour} onChange={(e) => update({ colour: e.target.value as ViewParams["colour"] })} choices={COLOUR_BYS.map((c) => [c, COLOUR_LABELS[c]])} />
        </label>
        {FACETS.map((facet) => (
          <label key={facet} className="text-sm">
            <span className={small}>{FACET_LABELS[facet]}</span>
            <Select value={params[facet][0] ?? ""} onChange={(e) => update({ [facet]: e.target.value ? [e.target.value] : [] })} choices={facetChoices(facet, summary)}>
              <option value="">All</option>
            </Select>
          </label>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2 text-sm">
        <fieldset className="flex flex-wrap gap-3">
          <legend className={small}>Highlight</legend>
          {HIGHLIGHTS.map((h) => (
            <label key={h} className="flex items-center gap-1">
              <input type="checkbox" checked={params.highlight.includes(h)} onChange={(e) => update({ highlight: e.target.checked ? [...params.highlight, h] : params.highlight.filter((x) => x !== h) })} />
              {HIGHLIGHT_LABELS[h]}
            </label>
          ))}
        </fieldset>
        {params.focus ? (
          <fieldset className="flex flex-wrap items-end gap-2">
            <legend className={small}>Focus on {params.focus}</legend>
            <label>
              <span className="sr-only">Depth</span>
              <Select value={String(params.depth)} onChange={(e) => update({ depth: Number(e.target.value) })} choices={Array.from({ length: MAX_DEPTH }, (_, i) => [String(i + 1), `${i + 1} hop${i ? "s" : ""}`])} />
            </label>
            <label>
              <span className="sr-only">Direction</span>
              <Select value={params.dir} onChange={(e) => update({ dir: e.target.value as ViewParams["dir"] })} choices={[["both", "Both ways"], ["up", "Upstream: what it depends on"], ["down", "Downstream: what depends on it (blast radius)"]]} />
            </label>
            <button
              type="button"
              onClick={() => {
                update({ focus: null });
                searchRef.current?.focus();
              }}
              className="rounded-md border border-slate-300 px-2 py-1.5 hover:bg-slate-50"
            >
              Leave focus
            </button>
          </fieldset>
        ) : null}
        {Array.isArray(params.expand) && params.expand.length > 0 ? (
          <button type="button" onClick={() => update({ expand: [] })} className="rounded-md border border-slate-300 px-2 py-1.5 hover:bg-slate-50">
            Collapse {params.expand.length === 1 ? "the opened group" : `the ${params.expand.length} opened groups`}
          </button>
        ) : null}
        <button type="button" onClick={() => update({ expand: params.expand === "all" ? [] : "all" })} className="rounded-md border border-slate-300 px-2 py-1.5 hover:bg-slate-50">
          {params.expand === "all" ? "Group again" : "Expand everything"}
        </button>
      </div>
    </div>
  );
}
