import { loadExplorerGraph } from "@/lib/graph/queries";
import { sessionRoute } from "@/lib/http/session-route";

// The explorer's worker reads the graph here: API.md's shape plus the ids its links need.
export const GET = sessionRoute(async ({ programme }) => Response.json(await loadExplorerGraph(programme.id)));
