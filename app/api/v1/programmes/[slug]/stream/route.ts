import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/handler";
import { assertPathParams } from "@/lib/api/envelope";
import { authenticateBearer } from "@/lib/auth/api-auth";
import { authorize } from "@/lib/auth/authorize";
import { requireActionActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { noteActor } from "@/lib/http/request-context";
import { requestIdFrom } from "@/lib/http/request-id";
import { isStopping } from "@/lib/http/stopping";
import { parseLastEventId } from "@/lib/live/messages";
import { openStream, SSE_HEADERS } from "@/lib/live/stream";

// Server-sent events, one per committed change of the programme (API.md): authorised like the
// programme's reads, by a bearer token (scripts) or the session cookie (Ferry's own pages,
// whose EventSource cannot send headers). `Last-Event-ID` (or `?lastEventId=` on a first
// connection) resumes from the event table. lib/live/ has the rest.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  try {
    // A stopping replica sends browsers elsewhere rather than open a stream it will close.
    if (isStopping()) throw new AppError("UNAVAILABLE", "This replica is stopping; reconnect.");
    const authorization = request.headers.get("authorization");
    const actor = authorization ? noteActor(await authenticateBearer(authorization, requestId)) : { ...(await requireActionActor()), requestId };
    const params = await context.params;
    assertPathParams(params);
    const programme = await authorize(actor, params.slug, "programme.read");
    const lastEventId = parseLastEventId(request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("lastEventId"));
    return new Response(openStream(programme.id, lastEventId, request.signal), { headers: { ...SSE_HEADERS, "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
