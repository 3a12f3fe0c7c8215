/** Messages between the explorer and its layout worker (components/graph/layout.worker.ts), and the graph's URL. */
import type { Neighbour } from "@/lib/graph/analysis";
import type { View, ViewItem } from "@/lib/graph/view";

/** Where the explorer reads a programme's graph. */
export const graphDataUrl = (slug: string) => `/p/${encodeURIComponent(slug)}/dependencies/data`;

export type GraphSummary = { services: number; dependencies: number; teams: string[]; waves: number[]; systems: string[]; cycles: string[][]; criticalPath: string[] };

/** A service's details and its neighbourhood, for the side panel (large views are posted without details). */
export type Neighbours = { node: NonNullable<ViewItem["node"]>; dependsOn: Neighbour[]; usedBy: Neighbour[] };

export type WorkerRequest =
  /** The graph endpoint's JSON body, fetched by the page while the worker starts (transferred, not copied). */
  | { type: "load"; body: ArrayBuffer }
  | { type: "view"; id: number; query: string; /** The layout the page already draws: not sent again. */ have: string | null }
  | { type: "neighbours"; id: number; name: string }
  | { type: "search"; id: number; text: string }
  | { type: "export"; id: number; query: string; format: "svg" | "csv"; title: string };

export type WorkerReply =
  | { type: "loaded"; summary: GraphSummary }
  | { type: "failed"; id?: number; message: string }
  | { type: "view"; id: number; layoutKey: string; view: View | null; selected: string | null; notices: string[] }
  | { type: "neighbours"; id: number; neighbours: Neighbours | null }
  | { type: "search"; id: number; names: string[] }
  | { type: "export"; id: number; text: string };
