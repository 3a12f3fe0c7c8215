/**
 * The explorer's worker: it parses the graph, runs the planner over it once and builds each
 * view (filter, focus, group, layout, colour) and export, so none of that work ever runs on
 * the page's main thread (ADR 32). The page only fetches the graph's bytes (so the request
 * runs while this worker starts), sends the URL's query and draws the answer.
 */
import { neighboursOf, prepareGraph, searchServices, type PreparedGraph } from "@/lib/graph/analysis";
import { viewToSvg, visibleEdgesCsv } from "@/lib/graph/export";
import { fromWire, type WireGraph } from "@/lib/graph/wire";
import { buildView, type View } from "@/lib/graph/view";
import { groupKey } from "@/lib/graph/grouping";
import { readViewParams, writeViewParams } from "@/lib/graph/view-params";
import type { Neighbours, WorkerReply, WorkerRequest } from "./protocol";
import { FLOW_LIMIT } from "./renderer";

let prepared: PreparedGraph | null = null;
let loading: Promise<PreparedGraph> | null = null;
const views = new Map<string, View>();

const reply = (message: WorkerReply) => postMessage(message);

// Marks for DevTools and the benchmark's probe: where a load's time goes inside the worker.
const mark = (name: string) => performance.mark(`graph:${name}`);

async function load(body: ArrayBuffer): Promise<PreparedGraph> {
  mark("received");
  const graph = fromWire(JSON.parse(new TextDecoder().decode(body)) as WireGraph);
  mark("parsed");
  prepared = prepareGraph(graph);
  mark("prepared");
  return prepared;
}

/** One view per layout, kept for the exports and a return to an earlier view (bounded: views of 5,000 services are large). */
function viewFor(p: PreparedGraph, layoutKey: string): View {
  const cached = views.get(layoutKey);
  if (cached) return cached;
  const { params, notices } = readViewParams(new URLSearchParams(layoutKey));
  const view = buildView(p, params, notices);
  if (views.size >= 4) views.delete(views.keys().next().value!);
  views.set(layoutKey, view);
  return view;
}

/**
 * The layout a query needs and the item to select in it. Selecting a service does not lay the
 * graph out again (that would redraw 5,000 nodes on every click): the selection is left out of
 * the layout's key, unless the service sits inside a collapsed group, which is then expanded.
 */
function resolve(p: PreparedGraph, query: string): { layoutKey: string; selected: string | null; notices: string[] } {
  // What reading the URL ignored is said here: the layout's key holds only what was kept.
  const { params, notices: read } = readViewParams(new URLSearchParams(query));
  const base = { ...params, select: null };
  let layoutKey = writeViewParams(base).toString();
  const name = params.select;
  if (name === null) return { layoutKey, selected: null, notices: read };
  const v = p.indexOf.get(name);
  if (v === undefined) return { layoutKey, selected: null, notices: [...read, `Ignored select=${name}: no such service in this programme.`] };
  const view = viewFor(p, layoutKey);
  if (!view.items.some((i) => i.id === name) && view.grouping && params.expand !== "all") {
    const expanded = writeViewParams({ ...base, expand: [...params.expand, groupKey(p.graph.nodes[v], view.grouping)] }).toString();
    if (viewFor(p, expanded).items.some((i) => i.id === name)) layoutKey = expanded;
  }
  const shown = viewFor(p, layoutKey).items.some((i) => i.id === name);
  return { layoutKey, selected: shown ? name : null, notices: shown ? read : [...read, `${name} is hidden by the filters or the focus.`] };
}

/**
 * The view as the page receives it: without the bundled indices, and for a WebGL-sized view
 * without each service's details (the panel asks for the one it shows), which halves what
 * the main thread must take in at 5,000 services.
 */
const posted = (view: View): View => ({ ...view, bundled: [], items: view.items.length > FLOW_LIMIT ? view.items.map((i) => ({ ...i, node: null })) : view.items });

function detailsOf(p: PreparedGraph, name: string): Neighbours | null {
  const v = p.indexOf.get(name);
  const around = neighboursOf(p, name);
  if (v === undefined || !around) return null;
  const { name: _name, ...node } = p.graph.nodes[v];
  return { node: { ...node, proposedWave: p.proposedWave[v] || null }, ...around };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === "load") {
      loading = load(message.body);
      const p = await loading;
      reply({ type: "loaded", summary: { services: p.graph.nodes.length, dependencies: p.graph.edges.length, teams: p.teams, waves: p.waves, systems: p.systems, cycles: p.cycles, criticalPath: p.criticalPath } });
      return;
    }
    const p = prepared ?? (await loading);
    if (!p) throw new Error("The graph is not loaded yet.");
    if (message.type === "view") {
      const { layoutKey, selected, notices } = resolve(p, message.query);
      const view = message.have === layoutKey ? null : viewFor(p, layoutKey);
      mark("view");
      reply({ type: "view", id: message.id, layoutKey, view: view && posted(view), selected, notices });
    }
    else if (message.type === "neighbours") reply({ type: "neighbours", id: message.id, neighbours: detailsOf(p, message.name) });
    else if (message.type === "search") reply({ type: "search", id: message.id, names: searchServices(p, message.text) });
    else {
      const view = viewFor(p, resolve(p, message.query).layoutKey);
      reply({ type: "export", id: message.id, text: message.format === "svg" ? viewToSvg(view, message.title) : visibleEdgesCsv(view, p.graph.edges) });
    }
  } catch (error) {
    reply({ type: "failed", id: "id" in message ? message.id : undefined, message: error instanceof Error ? error.message : "The graph could not be laid out." });
  }
};
