/**
 * The route pattern a path is served by (`/api/v1/programmes/[slug]/slices/[id]`), and the
 * name of the server action an id stands for, read from the build's own manifests: metrics are
 * labelled by pattern, never by raw path, so a label cannot be minted by a caller. The
 * standalone server runs in its folder with the build under `distDir` (ADR 25); outside a
 * build (unit tests, `next dev`) every path is "(unknown)" and every action "unknown".
 */
import fs from "node:fs";
import path from "node:path";

type Manifest = { staticRoutes: Map<string, string>; dynamicRoutes: { page: string; regex: RegExp }[]; actions: Map<string, string> };
type RoutesManifest = { staticRoutes?: { page: string }[]; dynamicRoutes?: { page: string; regex: string }[] };
type ActionsManifest = { node?: Record<string, { exportedName?: string }> };

const globalForRoutes = globalThis as unknown as { ferryRouteManifest?: Manifest | null };

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** The build's dist dir as the standalone server was configured with it. */
function distDir(): string {
  try {
    const config = JSON.parse(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? "{}") as { distDir?: string };
    return path.resolve(/*turbopackIgnore: true*/ config.distDir ?? ".next");
  } catch {
    return path.resolve(/*turbopackIgnore: true*/ ".next");
  }
}

/** Builds the lookup from manifests already read; exported for tests. */
export function manifestFrom(routes: RoutesManifest | null, actions: ActionsManifest | null): Manifest {
  return {
    staticRoutes: new Map((routes?.staticRoutes ?? []).map((r) => [r.page, r.page])),
    dynamicRoutes: (routes?.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) })),
    actions: new Map(Object.entries(actions?.node ?? {}).flatMap(([id, a]) => (a.exportedName ? [[id, a.exportedName] as [string, string]] : []))),
  };
}

function manifest(): Manifest | null {
  if (globalForRoutes.ferryRouteManifest !== undefined) return globalForRoutes.ferryRouteManifest;
  const dir = distDir();
  const routes = readJson<RoutesManifest>(path.join(/*turbopackIgnore: true*/ dir, "routes-manifest.json"));
  const actions = readJson<ActionsManifest>(path.join(/*turbopackIgnore: true*/ dir, "server", "server-reference-manifest.json"));
  return (globalForRoutes.ferryRouteManifest = routes ? manifestFrom(routes, actions) : null);
}

/** The pattern of the route serving `pathname`, in the order Next matches: static, then dynamic. */
export function routePattern(pathname: string, from: Manifest | null = manifest()): string {
  if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : "/_next";
  if (!from) return "(unknown)";
  const bare = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const exact = from.staticRoutes.get(bare);
  if (exact) return exact;
  for (const route of from.dynamicRoutes) if (route.regex.test(pathname)) return route.page;
  // Public files and whatever no route serves (Next answers the not-found page).
  return "(other)";
}

/** The exported name of the server action `id` names, or "unknown". */
export function actionName(id: string, from: Manifest | null = manifest()): string {
  return from?.actions.get(id) ?? "unknown";
}
