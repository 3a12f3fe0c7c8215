import { loadExplorerGraph } from "@/lib/graph/queries";
import { toWire } from "@/lib/graph/wire";
import { sessionRoute } from "@/lib/http/session-route";

// The explorer's worker reads the graph here: API.md's shape plus the ids its links need, with
// edges naming their ends by index (lib/graph/wire.ts), which is 40% less to send and parse.
export const GET = sessionRoute(async ({ programme }) => Response.json(toWire(await loadExplorerGraph(programme.id))));
