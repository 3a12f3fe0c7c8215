/**
 * The dependency graph as the explorer and `GET /programmes/{slug}/graph` (API.md) see it:
 * plain data, one node per service, one edge per dependency ("from depends on to").
 */
import type { DependencyKind, ServiceKind } from "@/lib/inventory/model";
import type { SliceStatus } from "@/lib/planning/types";
import type { Stage } from "@/lib/slices/stages";

/** A service as API.md's graph names it; slice, wave, status and stage are null outside a slice. */
export type GraphNode = {
  name: string;
  team: string | null;
  kind: ServiceKind;
  stateful: boolean;
  slice: string | null;
  wave: number | null;
  status: SliceStatus | null;
  stage: Stage | null;
};

/** `from` depends on `to`; blocked when the slice it waits for (by the planner's rule) is not live yet. */
export type GraphEdge = { from: string; to: string; kind: DependencyKind; blocked: boolean };

export type Graph = { nodes: GraphNode[]; edges: GraphEdge[] };

/**
 * What the page's explorer reads beyond the API: ids for the links to the service and slice
 * pages, the system to group by, and the shared flag the planner reads.
 */
export type ExplorerNode = GraphNode & { id: string; sliceId: string | null; system: string | null; shared: boolean };

export type ExplorerGraph = { nodes: ExplorerNode[]; edges: GraphEdge[] };
