"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { View } from "@/lib/graph/view";
import { graphDataUrl, type GraphSummary, type Neighbours, type WorkerReply, type WorkerRequest } from "./protocol";

type Pending = (reply: WorkerReply) => void;
/** A request without its id (distributed over the union, which a plain Omit would collapse). */
type Asked = Extract<WorkerRequest, { id: number }> extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** A client for the layout worker: one worker per explorer, requests answered by id. */
class GraphWorker {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private loaded: ((r: WorkerReply) => void) | null = null;
  /** Set once the worker has stopped: a load that was still fetching fails with it. */
  private stopped: string | null = null;

  constructor() {
    // The URL form is what Turbopack and webpack both recognise and bundle as a worker entry.
    this.worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module", name: "graph-layout" });
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail("The graph's layout worker stopped; reload the page to try again.");
    };
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const r = event.data;
      if (r.type === "loaded" || (r.type === "failed" && r.id === undefined)) {
        this.loaded?.(r);
        this.loaded = null;
        return;
      }
      if (r.id === undefined) return;
      this.pending.get(r.id)?.(r);
      this.pending.delete(r.id);
    };
  }

  /** A worker that cannot start or throws outside a request fails whatever waits on it, so the page shows an error, not a spinner. */
  private fail(message: string) {
    this.stopped = message;
    const failed: WorkerReply = { type: "failed", message };
    this.loaded?.(failed);
    this.loaded = null;
    for (const settle of this.pending.values()) settle(failed);
    this.pending.clear();
  }

  /**
   * Fetches the graph here, not in the worker: the request then runs while the worker's script
   * loads and starts, instead of after it. The body is only read as bytes and handed over
   * (transferred, not copied): parsing 3 MB of JSON stays off the main thread.
   */
  async load(url: string): Promise<GraphSummary> {
    const res = await takeGraphFetch(url);
    if (!res.ok) throw new Error(res.status === 401 ? "Your session has ended: sign in again." : `The graph could not be loaded (HTTP ${res.status}).`);
    const body = await res.arrayBuffer();
    if (this.stopped) throw new Error(this.stopped);
    return new Promise((resolve, reject) => {
      this.loaded = (r) => (r.type === "loaded" ? resolve(r.summary) : reject(new Error(r.type === "failed" ? r.message : "unexpected answer")));
      this.worker.postMessage({ type: "load", body } satisfies WorkerRequest, [body]);
    });
  }

  ask<T extends WorkerReply["type"]>(request: Asked): Promise<Extract<WorkerReply, { type: T }>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (r) => (r.type === "failed" ? reject(new Error(r.message)) : resolve(r as Extract<WorkerReply, { type: T }>)));
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  terminate() {
    this.worker.terminate();
  }
}

const fetchGraph = (url: string) => fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });

/** The explorer's own page, whose graph this module can ask for before any component runs. */
const EXPLORER_PATH = /^\/p\/([^/]+)\/dependencies\/?$/;

// The first explorer's worker starts when this module runs in the browser, before the page
// hydrates, and the graph of the page being opened is requested at the same moment: hydration
// and the query's first effect come a quarter of a second later on the large programme, and
// the worker's script loads meanwhile. (Measured, a <link rel="preload"> from the server
// competed with the page's own scripts instead; ADR 32.)
let early: GraphWorker | null = typeof window === "undefined" ? null : new GraphWorker();
let earlyFetch: { url: string; response: Promise<Response> } | null = null;
const openedSlug = typeof window === "undefined" ? undefined : EXPLORER_PATH.exec(window.location.pathname)?.[1];
if (openedSlug) {
  const url = graphDataUrl(decodeURIComponent(openedSlug));
  earlyFetch = { url, response: fetchGraph(url) };
  // A failure surfaces when the explorer takes the response; never as an unhandled rejection.
  earlyFetch.response.catch(() => undefined);
}

/** The early request when it is for this URL (taken once), a new one otherwise. */
function takeGraphFetch(url: string): Promise<Response> {
  const taken = earlyFetch?.url === url ? earlyFetch.response : null;
  earlyFetch = null;
  return taken ?? fetchGraph(url);
}
const startWorker = () => {
  const worker = early ?? new GraphWorker();
  early = null;
  return worker;
};

/**
 * The graph's summary (through TanStack Query, like every interactive island) and the view
 * for the current query, both computed in the worker. A view that arrives after a newer one
 * was asked for is dropped, so quick filter changes never paint out of order.
 */
export function useGraphWorker(slug: string, query: string) {
  const workerRef = useRef<GraphWorker | null>(null);
  const [shown, setShown] = useState<{ query: string; layoutKey: string; view: View; selected: string | null; notices: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(query);
  const drawn = useRef<{ layoutKey: string; view: View } | null>(null);

  const getWorker = useCallback(() => (workerRef.current ??= startWorker()), []);
  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  const summary = useQuery({
    queryKey: ["graph", slug],
    queryFn: () => getWorker().load(graphDataUrl(slug)),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  useEffect(() => {
    latest.current = query;
    if (!summary.data) return;
    let live = true;
    getWorker()
      .ask<"view">({ type: "view", query, have: drawn.current?.layoutKey ?? null })
      .then((r) => {
        if (!live || latest.current !== query) return;
        // The same layout keeps its object, so the renderer only moves the selection.
        const view = r.view ?? (drawn.current?.layoutKey === r.layoutKey ? drawn.current.view : null);
        if (!view) return;
        drawn.current = { layoutKey: r.layoutKey, view };
        setShown({ query, layoutKey: r.layoutKey, view, selected: r.selected, notices: r.notices });
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [getWorker, query, summary.data]);

  const neighbours = useCallback(async (name: string): Promise<Neighbours | null> => (await getWorker().ask<"neighbours">({ type: "neighbours", name })).neighbours, [getWorker]);
  const search = useCallback(async (text: string) => (await getWorker().ask<"search">({ type: "search", text })).names, [getWorker]);
  const exportView = useCallback(async (format: "svg" | "csv", title: string) => (await getWorker().ask<"export">({ type: "export", query: latest.current, format, title })).text, [getWorker]);

  return {
    summary: summary.data ?? null,
    loadError: summary.error?.message ?? error,
    view: shown?.view ?? null,
    viewQuery: shown?.query ?? null,
    selected: shown?.selected ?? null,
    notices: shown ? [...shown.view.notices, ...shown.notices] : [],
    neighbours,
    search,
    exportView,
  };
}
