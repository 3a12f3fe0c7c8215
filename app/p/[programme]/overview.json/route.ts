import { sessionRoute } from "@/lib/http/session-route";
import { getOverviewVersion } from "@/lib/overview/queries";

// The overview's version, polled by its page every few seconds (components/overview/live-refresh.tsx,
// ADR 30): the page re-renders on the server only when this changes.
export const GET = sessionRoute(async ({ programme }) => Response.json({ version: await getOverviewVersion(programme.id) }));
