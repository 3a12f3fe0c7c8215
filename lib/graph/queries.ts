import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { latestEventId } from "@/lib/events/latest";
import { memoised } from "@/lib/events/memo";
import type { DependencyKind, ServiceKind } from "@/lib/inventory/model";
import type { SliceStatus } from "@/lib/planning/types";
import type { Stage } from "@/lib/slices/stages";
import { blockedDependencies } from "./blocked";
import type { ExplorerGraph, Graph } from "./types";
import { toWire } from "./wire";

type ServiceRow = {
  id: string;
  name: string;
  kind: ServiceKind;
  stateful: boolean;
  shared: boolean;
  system: string | null;
  team: string | null;
  sliceId: string | null;
  slice: string | null;
  status: SliceStatus | null;
  stage: Stage | null;
  wave: number | null;
};
type DependencyRow = { from: string; to: string; kind: DependencyKind };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A programme's whole dependency graph in two queries, read whole at up to 5,000 services and
 * 15,000 dependencies: raw SQL so the database joins the team, slice and wave and names both
 * ends of each dependency, and the rows come back flat. A stage's database label is already
 * the API's spelling ("0", "mirror", "10", ...), so it is read as text.
 */
export async function loadExplorerGraph(programmeId: string): Promise<ExplorerGraph> {
  const [services, dependencies] = await Promise.all([
    db.$queryRaw<ServiceRow[]>`
      SELECT s.id, s.name, s.kind::text AS kind, s.stateful, s.shared, s.system, t.name AS team,
        sl.id AS "sliceId", sl.name AS slice, sl.status::text AS status, sl.stage::text AS stage, w.number AS wave
      FROM "Service" s
      LEFT JOIN "Team" t ON t.id = s."teamId"
      LEFT JOIN "Slice" sl ON sl.id = s."sliceId"
      LEFT JOIN "Wave" w ON w.id = sl."waveId"
      WHERE s."programmeId" = ${programmeId}`,
    db.$queryRaw<DependencyRow[]>`
      SELECT f.name AS "from", t.name AS "to", d.kind::text AS kind
      FROM "Dependency" d
      JOIN "Service" f ON f.id = d."fromId"
      JOIN "Service" t ON t.id = d."toId"
      WHERE d."programmeId" = ${programmeId}`,
  ]);
  services.sort((a, b) => byText(a.name, b.name));
  dependencies.sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to));
  const blocked = blockedDependencies(services, dependencies);
  return {
    nodes: services,
    edges: dependencies.map((d, i) => ({ from: d.from, to: d.to, kind: d.kind, blocked: blocked[i] })),
  };
}

/** API.md's graph (nodes by name, edges by from then to). */
function apiGraph(graph: ExplorerGraph): Graph {
  return {
    nodes: graph.nodes.map(({ name, team, kind, stateful, slice, wave, status, stage }) => ({ name, team, kind, stateful, slice, wave, status, stage })),
    edges: graph.edges,
  };
}

/** The graph in one of its two shapes: API.md's, or the explorer's (lib/graph/wire.ts). */
export type GraphShape = "api" | "wire";

/**
 * The graph's JSON in `shape`, kept under the programme's history version (lib/events/memo.ts):
 * every change the graph shows (a service, a dependency, a slice's stage, a wave's number, a
 * team's name) appends an event. At 5,000 services a build is a read, a sort and the blocking
 * analysis of 20,000 rows, about 130 ms of the one process; kept, an answer is one index lookup.
 */
export async function graphJson(programmeId: string, shape: GraphShape): Promise<string> {
  const version = await latestEventId(programmeId);
  const { body } = await memoised("graph", `${programmeId}|${shape}|${version}`, async () => {
    const graph = await loadExplorerGraph(programmeId);
    return { body: JSON.stringify(shape === "api" ? apiGraph(graph) : toWire(graph)) };
  });
  return body;
}

/** A graph's JSON as a 200 response. */
export const graphResponse = (json: string) => new Response(json, { headers: { "content-type": "application/json" } });

/** API.md's graph, for anyone who may read the programme. */
export async function getGraphForApi(actor: Actor, programmeSlug: string): Promise<Response> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  return graphResponse(await graphJson(programme.id, "api"));
}

/** How big a programme's graph is: the page shows the empty state for none, and says what it is about to draw. */
export async function getGraphSize(programmeId: string): Promise<{ services: number; dependencies: number }> {
  const [services, dependencies] = await Promise.all([db.service.count({ where: { programmeId } }), db.dependency.count({ where: { programmeId } })]);
  return { services, dependencies };
}
