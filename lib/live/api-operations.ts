/** REST operations of live updates, for the OpenAPI document (see lib/api/operations.ts). */
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";

export const liveOperations: Operation[] = [
  {
    method: "get",
    path: "/programmes/{slug}/stream",
    summary:
      "Server-sent events, one per committed change of the programme (`event: change`, data `{ id, action, entityType, entityId }`, or `{ id, count }` for a bulk write; `event: reset` when more was missed than a replay sends: reload everything). `id` is the event id; send `Last-Event-ID` (or `?lastEventId=`) to resume. Delivery is at least once: ignore an id already seen. Authorised like the programme's reads, by bearer token or session",
    tag: "Programmes",
    query: z.object({ lastEventId: z.string().regex(/^\d+$/).optional().describe("Resume after this event id (a reconnecting EventSource sends the Last-Event-ID header instead)") }),
    responses: { 200: { description: "An event stream that stays open; a comment line every 15 s keeps it alive", contentTypes: ["text/event-stream"] } },
  },
];
