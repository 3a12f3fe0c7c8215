/**
 * The one shape of a route handler that serves signed-in people outside the REST API: the
 * CSV exports, the backup download, the import page's uploads, a reading's pasted source.
 * REST routes use apiRoute (lib/api/handler.ts) with a bearer token; these use the browser
 * session, and answer errors in the same envelope (API.md) with the same statuses.
 *
 * Every such route is under /p/[programme]: the helper signs the person in from the session
 * (UNAUTHENTICATED when it has ended), checks they may see the programme (NOT_FOUND when not,
 * exactly like one that does not exist) and hold the permission the route names, gives the
 * actor the request id, refuses posts from other sites, and marks every answer no-store: it
 * is that person's data.
 */
import "server-only";
import { errorResponse } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import type { ProgrammeAccess } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import { requireActionActor } from "@/lib/auth/current";
import type { Action } from "@/lib/auth/rules";
import { AppError } from "@/lib/errors";
import { requestIdFrom } from "./request-id";

export type SessionRouteContext<P> = { request: Request; params: P; actor: Actor; programme: ProgrammeAccess; requestId: string };

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: `handler` runs only for a signed-in person allowed `permission`
 * (programme.read unless named) in the programme of the address, and returns the Response.
 * Mutations it calls still authorise themselves; this is the door, not the only check.
 */
export function sessionRoute<P extends { programme: string }>(handler: (ctx: SessionRouteContext<P>) => Promise<Response>, options: { permission?: Action } = {}) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    // Uploads skip proxy.ts (which sets a sane id for everything else): the same rule here.
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    let response: Response;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      const signedIn = await requireActionActor();
      const actor = { ...signedIn, requestId: signedIn.requestId ?? requestId };
      const params = await context.params;
      const programme = await authorize(actor, params.programme, options.permission ?? "programme.read");
      response = await handler({ request, params, actor, programme, requestId });
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    response.headers.set("x-request-id", requestId);
    response.headers.set("cache-control", "no-store");
    return response;
  };
}

/**
 * Refuses cross-site posts: the Origin (or Sec-Fetch-Site) must say this site sent it, which
 * server actions check for themselves and these routes must do by hand.
 */
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
