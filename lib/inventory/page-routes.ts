/**
 * The import page's uploads go to route handlers rather than server actions: a catalog may
 * be up to 10 MiB, over the server-action body limit, and the body must be refused by size
 * before it is read. These routes use the browser session, so they check the request comes
 * from this site (what server actions do for themselves).
 */
import "server-only";
import { requireActionActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import type { Actor } from "@/lib/auth/actor";

/** Refuses cross-site posts: the Origin (or Sec-Fetch-Site) must say this site sent it. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // Both sides must name a host: two missing ones are not the same site.
  const sameOrigin = origin ? host !== null && originHost(origin) === host : site === "same-origin";
  if (!sameOrigin) throw new AppError("FORBIDDEN", "This request must come from Ferry's own pages.");
}

/**
 * The host an Origin header names, or null: `Origin: null` (sandboxed frames, file: pages,
 * some redirects) and anything else unparseable is no origin at all, so never this site.
 */
function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  return new URL(origin).host || null;
}

/** Runs a page route with the session's actor and the API's error envelope. */
export async function pageRoute(request: Request, run: (actor: Actor) => Promise<Response>): Promise<Response> {
  // Uploads skip proxy.ts (which sets a sane id for everything else): the same rule here.
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  try {
    if (request.method !== "GET") assertSameOrigin(request);
    const actor = await requireActionActor();
    return await run({ ...actor, requestId: actor.requestId ?? requestId });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
