import { graphJson, graphResponse } from "@/lib/graph/queries";
import { sessionRoute } from "@/lib/http/session-route";

// The explorer's worker reads the graph here: API.md's shape plus the ids its links need, with
// edges naming their ends by index (lib/graph/wire.ts), which is 40% less to send and parse.
export const GET = sessionRoute(async ({ programme }) => graphResponse(await graphJson(programme.id, "wire")));
