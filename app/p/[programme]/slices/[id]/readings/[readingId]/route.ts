import { sessionRoute } from "@/lib/http/session-route";
import { getRolloutReadingSourceOrThrow } from "@/lib/slices/queries/slice";

// The pasted Rollout, Canary or VirtualService behind a reading, exactly as it was read: the
// evidence for a proposed move. Plain text (the site sends nosniff), so a paste never renders.
export const GET = sessionRoute<{ programme: string; id: string; readingId: string }>(async ({ actor, params }) => {
  const reading = await getRolloutReadingSourceOrThrow(actor, params.programme, params.id, params.readingId);
  const filename = `${reading.sourceKind.toLowerCase()}-${reading.createdAt.toISOString().slice(0, 19).replace(/:/g, "")}.yaml`;
  return new Response(reading.source, { headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `inline; filename="${filename}"` } });
});
