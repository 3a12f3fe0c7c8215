/**
 * Which methods each API path answers, for proxy.ts and the early guard (lib/http/gate-sync.ts):
 * Next answers a method a route file lacks with a bare 405 (no body, no Allow header) and an
 * unknown method with a bare 400, before any of Ferry's code runs, so Ferry refuses those itself. Pure and import-free, to stay
 * cheap in the proxy; route-methods.test.ts holds it equal to the OpenAPI operations, which
 * operations.test.ts holds equal to the route files.
 */

/** `{param}` is one path segment. Methods as the route files export them. */
export const API_ROUTE_METHODS: ReadonlyArray<readonly [pattern: string, methods: readonly string[]]> = [
  ["/api/v1/openapi.json", ["GET"]],
  ["/api/v1/programmes", ["GET", "POST"]],
  ["/api/v1/users", ["POST"]],
  ["/api/v1/tokens", ["POST"]],
  ["/api/v1/programmes/{slug}/events", ["GET"]],
  ["/api/v1/programmes/{slug}/stream", ["GET"]],
  ["/api/v1/programmes/{slug}/services", ["GET"]],
  ["/api/v1/programmes/{slug}/graph", ["GET"]],
  ["/api/v1/programmes/{slug}/import", ["POST"]],
  ["/api/v1/programmes/{slug}/export", ["GET"]],
  ["/api/v1/programmes/{slug}/plan", ["POST"]],
  ["/api/v1/programmes/{slug}/checklist/ticks", ["POST"]],
  ["/api/v1/programmes/{slug}/waves", ["GET"]],
  ["/api/v1/programmes/{slug}/reports/weekly", ["GET"]],
  ["/api/v1/programmes/{slug}/slices/{id}", ["GET"]],
  ["/api/v1/programmes/{slug}/slices/{id}/checklist/{itemId}", ["PATCH"]],
  ["/api/v1/programmes/{slug}/slices/{id}/stage", ["POST"]],
  ["/api/v1/programmes/{slug}/slices/{id}/rollout", ["POST"]],
  ["/api/health", ["GET"]],
  ["/api/ready", ["GET"]],
  ["/api/startup", ["GET"]],
  ["/api/metrics", ["GET"]],
];

/** Methods Next routes at all; anything else (PROPFIND, TRACE, made-up tokens) is refused. */
export const ROUTABLE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** What a page path (not /api) answers: reads, and POST for server actions and uploads. */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;

const compiled = API_ROUTE_METHODS.map(([pattern, methods]) => ({
  re: new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}/?$`),
  methods,
}));

/**
 * The Allow list for a pathname: the route's methods plus HEAD (for GET) and OPTIONS, which
 * Next implements for every route; null for a path this table does not know (the catch-all
 * 404 or better-auth's routes answer those).
 */
export function allowedMethods(pathname: string): string[] | null {
  if (pathname.startsWith("/api/auth/")) return ["GET", "HEAD", "OPTIONS", "POST"];
  const route = compiled.find((r) => r.re.test(pathname));
  if (!route) return null;
  const allow = new Set([...route.methods, "OPTIONS"]);
  if (allow.has("GET")) allow.add("HEAD");
  return [...allow].sort();
}

/** A path segment that cannot be percent-decoded (`%E0%A4%A`, a lone `%`). */
export function hasMalformedEscape(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * A `.` or `..` segment, literal or percent-encoded (`%2e%2E`): Next resolves it away, so
 * `/api/%2e%2e/programmes` would be routed as the page `/programmes` and answered with HTML.
 */
export function hasDotSegment(pathname: string): boolean {
  return pathname.split("/").some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}
