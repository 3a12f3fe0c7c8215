import { errorResponse } from "@/lib/api/handler";
import { requireActionActor } from "@/lib/auth/current";
import { getRolloutReadingSourceOrThrow } from "@/lib/slices/queries";

type Params = { params: Promise<{ programme: string; id: string; readingId: string }> };

// The pasted Rollout, Canary or VirtualService behind a reading, exactly as it was read: the
// evidence for a proposed move. Plain text (the site sends nosniff), so a paste never renders.
export async function GET(request: Request, { params }: Params) {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  try {
    const { programme, id, readingId } = await params;
    const reading = await getRolloutReadingSourceOrThrow(await requireActionActor(), programme, id, readingId);
    const filename = `${reading.sourceKind.toLowerCase()}-${reading.createdAt.toISOString().slice(0, 19).replace(/:/g, "")}.yaml`;
    return new Response(reading.source, {
      headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `inline; filename="${filename}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
