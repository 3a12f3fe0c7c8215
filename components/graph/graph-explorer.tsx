"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { nearestInDirection, type Heading } from "@/lib/graph/geometry";
import { readViewParams, writeViewParams, type ViewParams } from "@/lib/graph/view-params";
import { GraphControls } from "./graph-controls";
import { GraphLegend } from "./graph-legend";
import { NodePanel } from "./node-panel";
import { downloadBlob, svgToPng } from "./downloads";
import { FLOW_LIMIT } from "./renderer";
import type { Neighbours } from "./protocol";
import { useGraphWorker } from "./use-graph-worker";
import { useRenderer } from "./use-renderer";

const KEYS: Record<string, Heading> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

/**
 * The dependency graph explorer: one component whatever draws it (React Flow up to
 * FLOW_LIMIT items, sigma's WebGL above). The URL is its state; the worker does the work.
 */
export function GraphExplorer({ slug, programmeName, services }: { slug: string; programmeName: string; /** The programme's size, known to the server before any view. */ services: number }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const query = searchParams.toString();
  const params = useMemo(() => readViewParams(new URLSearchParams(query)).params, [query]);
  const { summary, loadError, view, viewQuery, selected, notices, neighbours, search, exportView } = useGraphWorker(slug, query);
  // Before the first view, the renderer it will most likely need, so its code loads while the
  // worker lays the view out, not after (a wrong guess costs one download). Only an expanded
  // estate draws with WebGL.
  const [likelyWebgl] = useState(() => services > FLOW_LIMIT && (params.expand === "all" || params.group === "none"));
  const [paintedView, setPaintedView] = useState<unknown>(null);
  const [detail, setDetail] = useState<{ name: string; neighbours: Neighbours | null } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [groupSelected, setGroupSelected] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  // A link naming a service opens centred on it.
  const [centre, setCentre] = useState<{ id: string; nonce: number } | null>(() => (params.select ? { id: params.select, nonce: 0 } : null));

  const update = useCallback(
    (change: Partial<ViewParams>) => {
      const next = writeViewParams({ ...readViewParams(new URLSearchParams(window.location.search)).params, ...change }).toString();
      // Next keeps useSearchParams in step with the History API, without a server round trip.
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname],
  );

  const selectedItem = (selected ? view?.items.find((i) => i.id === selected) : null) ?? null;
  useEffect(() => {
    const name = selectedItem?.type === "node" ? selectedItem.id : null;
    if (!name) return;
    let live = true;
    void neighbours(name).then((n) => {
      if (!live) return;
      setDetail({ name, neighbours: n });
      if (!n) return;
      const node = n.node;
      setAnnouncement(`${name} selected: ${node.team ?? "no team"}, ${node.wave ? `wave ${node.wave}` : "no wave"}${node.status ? `, ${node.status.replace("_", " ")}` : ""}. Depends on ${n.dependsOn.length}, used by ${n.usedBy.length}.`);
    });
    return () => {
      live = false;
    };
  }, [selectedItem, neighbours]);

  const onPainted = useCallback(() => setPaintedView(view), [view]);

  const select = useCallback(
    (id: string | null, { centreOn = false } = {}) => {
      if (id?.startsWith("group:")) {
        update({ select: null });
        setAnnouncement(`${view?.items.find((i) => i.id === id)?.label ?? id} selected`);
        setGroupSelected(id);
        return;
      }
      setGroupSelected(null);
      // The renderer centres once the item is drawn (at once, or when an expanded group's view arrives).
      if (centreOn && id) setCentre({ id, nonce: Date.now() });
      update({ select: id });
    },
    [update, view],
  );
  const panelItem = groupSelected ? (view?.items.find((i) => i.id === groupSelected) ?? null) : selectedItem;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!view || view.items.length === 0) return;
    const heading = KEYS[event.key];
    if (heading) {
      event.preventDefault();
      const current = view.items.find((i) => i.id === (groupSelected ?? selected));
      const next = current ? nearestInDirection(view.items, current, heading) : view.items[0];
      if (next) {
        select(next.id);
        setCentre({ id: next.id, nonce: Date.now() });
      }
    } else if (event.key === "Enter" && panelItem) {
      event.preventDefault();
      panelHeading.current?.focus();
    } else if (event.key === "Escape") {
      select(null);
    }
  };

  const download = async (format: "svg" | "png" | "csv") => {
    setBusy(format);
    try {
      const title = `${programmeName}: dependency graph`;
      if (format === "csv") downloadBlob(new Blob([await exportView("csv", title)], { type: "text/csv" }), `${slug}-dependencies.csv`);
      else {
        const svg = await exportView("svg", title);
        downloadBlob(format === "svg" ? new Blob([svg], { type: "image/svg+xml" }) : await svgToPng(svg), `${slug}-dependencies.${format}`);
      }
    } finally {
      setBusy(null);
    }
  };

  const current = view && viewQuery === query ? view : null;
  const state = loadError ? "error" : current && paintedView === current ? "ready" : "loading";
  const webgl = (view?.items.length ?? 0) > FLOW_LIMIT;
  const Renderer = useRenderer((view ? webgl : likelyWebgl) ? "sigma" : "flow");
  const stats = view?.stats;

  return (
    <div className="space-y-3">
      {summary ? <GraphControls params={params} summary={summary} update={update} search={search} onFound={(name) => select(name, { centreOn: true })} /> : null}
      {notices.length > 0 ? (
        <div role="status" aria-label="Notices" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          <ul className="list-disc pl-5">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view ? <GraphLegend view={view} webgl={webgl} /> : null}
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-2">
          <div
            data-testid="graph"
            data-state={state}
            data-node-count={current && state === "ready" ? current.items.length : undefined}
            data-renderer={view ? (webgl ? "sigma" : "flow") : undefined}
            data-grouping={view?.grouping ?? "none"}
            tabIndex={0}
            role="group"
            aria-roledescription="dependency graph"
            aria-label={`Dependency graph of ${programmeName}${stats ? `: ${stats.drawn} items drawn for ${stats.shownServices} services` : ""}`}
            aria-describedby="graph-keys"
            aria-busy={state === "loading"}
            onKeyDown={onKeyDown}
            className="relative h-[70vh] min-h-[360px] overflow-hidden rounded-lg border border-slate-300 bg-slate-50 focus-visible:outline-4 focus-visible:outline-brand-500"
          >
            {loadError ? <p className="p-4 text-sm text-rose-800">{loadError}</p> : null}
            {/* eslint-disable-next-line react-hooks/static-components -- one component per kind, kept at module level (use-renderer.ts): its identity never changes between renders */}
            {view && Renderer ? <Renderer view={view} selected={groupSelected ?? selected} centre={centre} onSelect={(id) => select(id)} onPainted={onPainted} /> : null}
            {state === "loading" && !loadError ? <p className="pointer-events-none absolute left-3 top-3 rounded bg-white/90 px-2 py-1 text-sm text-slate-700">Laying out the graph…</p> : null}
          </div>
          <p id="graph-keys" className="text-xs text-slate-600">
            Keys: arrows move between services, Enter opens the selected one’s details, Escape clears the selection. Wheel or pinch to zoom, drag to pan.
          </p>
          {stats ? (
            <p className="text-xs text-slate-700" data-testid="graph-stats">
              {stats.shownServices} of {stats.services} services drawn as {stats.drawn} {view?.grouping ? `items (grouped by ${view.grouping})` : "nodes"}; {stats.shownDependencies} of {stats.dependencies} dependencies shown as {stats.bundles} edges
              {stats.hiddenInGroups ? `, ${stats.hiddenInGroups} inside groups (counted, not drawn)` : ""}
              {stats.hiddenByFilters ? `, ${stats.hiddenByFilters} hidden by filters or focus` : ""}. Laid out in {stats.layoutMs} ms.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2 text-sm">
            {(["svg", "png", "csv"] as const).map((f) => (
              <button key={f} type="button" disabled={!view || busy !== null} onClick={() => void download(f)} className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50 disabled:opacity-60">
                {f === "csv" ? "Download visible edges (CSV)" : `Download view (${f.toUpperCase()})`}
              </button>
            ))}
          </div>
        </div>
        <NodePanel
          ref={panelHeading}
          slug={slug}
          item={panelItem}
          neighbours={detail && detail.name === panelItem?.id ? detail.neighbours : null}
          onSelect={(name) => select(name, { centreOn: true })}
          onFocus={(name) => update({ focus: name, select: name })}
          onExpand={(key) => {
            setGroupSelected(null);
            update({ expand: params.expand === "all" ? "all" : [...params.expand, key] });
          }}
        />
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
