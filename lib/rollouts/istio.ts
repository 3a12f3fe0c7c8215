/**
 * Istio `VirtualService` (networking.istio.io/*): the share of the catch-all HTTP route's
 * weight that goes to the new path. A VirtualService is routing only: it carries no health,
 * so its readings are always healthy and a rollback shows as the weight falling.
 */
import { asNumber, asObject, asObjects, asText, objectMeta, sentence, wholePercent, type RolloutReadResult, type RolloutSubset, type YamlObject } from "./types";

// Name tokens that mark a destination as the new (Kubernetes) path or the old one. Whole
// tokens only: "renewals" must not read as "new", nor "goldies" as "old".
const NEW_MARKERS = new Set(["k8s", "kube", "kubernetes", "canary", "new", "next"]);
const OLD_MARKERS = new Set(["legacy", "old", "vm", "vms", "stable", "primary", "baremetal", "onprem", "paas"]);

type Side = "new" | "old" | "unknown";
type Destination = { host: string; subset?: string; weight: number };

function sideOfName(name: string | undefined): Side {
  const tokens = (name ?? "").toLowerCase().split(/[^a-z0-9]+/);
  const isNew = tokens.some((t) => NEW_MARKERS.has(t));
  const isOld = tokens.some((t) => OLD_MARKERS.has(t));
  return isNew === isOld ? "unknown" : isNew ? "new" : "old";
}

/** The subset decides when it has a marker (it is the more specific name); else the host. */
function sideOf(d: Pick<Destination, "host" | "subset">): Side {
  const bySubset = sideOfName(d.subset);
  return bySubset !== "unknown" ? bySubset : sideOfName(d.host);
}

function destinationOf(value: unknown): Pick<Destination, "host" | "subset"> | undefined {
  const dest = asObject(value);
  const host = asText(dest?.host);
  if (!host) return undefined;
  const subset = asText(dest?.subset);
  return subset ? { host, subset } : { host };
}

/** Which destinations are new: named ones first, then "not named old", then position. */
function pickNew(dests: Destination[], mirror: Pick<Destination, "host" | "subset"> | undefined): { isNew: boolean[]; assumption?: string } {
  const sides = dests.map(sideOf);
  if (sides.includes("new")) return { isNew: sides.map((s) => s === "new") };
  if (sides.includes("old")) return { isNew: sides.map((s) => s === "unknown") };
  // Nothing is named: a mirror target is where the new path is being tried, so the route's
  // own destinations are the old path.
  if (mirror) return { isNew: dests.map(() => false) };
  if (dests.length < 2) return { isNew: [], assumption: "ambiguous" };
  // The old path was the route before the split was added, so it is listed first. Position
  // is used rather than "the smaller weight" because the smaller side flips past 50%.
  const names = dests.slice(1).map((d) => d.subset ?? d.host);
  return { isNew: dests.map((_, i) => i > 0), assumption: `no destination is named k8s/canary/new or legacy/old, so ${names.join(", ")} (listed after the first) is taken as the new path;` };
}

/** Reads an Istio VirtualService's HTTP routes. */
export function readIstioVirtualService(doc: YamlObject): RolloutReadResult {
  const meta = objectMeta(doc);
  const http = asObjects(asObject(doc.spec)?.http);
  if (http.length === 0) {
    return { error: `VirtualService ${meta.name} has no spec.http routes; Ferry reads HTTP route weights only (not tcp or tls routes).` };
  }
  // Istio tries routes in order; the first without a match catches all remaining traffic,
  // so it describes where ordinary users go. Matched routes (a header for testers) do not.
  const mainIndex = Math.max(0, http.findIndex((r) => r.match === undefined));
  const main = http[mainIndex];
  const others = http.flatMap((r, i) => (i === mainIndex ? [] : [asText(r.name) ?? `#${i + 1}`]));

  const raw = asObjects(main.route);
  const dests: Destination[] = [];
  for (const entry of raw) {
    const dest = destinationOf(entry.destination);
    if (!dest) return { error: `VirtualService ${meta.name}: a route destination has no host.` };
    // A lone destination takes all traffic whatever its weight; several with no weights at
    // all split evenly; a destination left without a weight beside weighted ones gets none.
    const given = entry.weight === undefined ? undefined : asNumber(entry.weight);
    if (entry.weight !== undefined && (given === undefined || given < 0)) {
      return { error: `VirtualService ${meta.name}: the weight of ${dest.subset ?? dest.host} must be a number of 0 or more.` };
    }
    dests.push({ ...dest, weight: given ?? Number.NaN });
  }
  if (dests.length === 0) return { error: `VirtualService ${meta.name}: the main HTTP route has no destinations.` };
  const anyWeight = dests.some((d) => !Number.isNaN(d.weight));
  for (const d of dests) if (Number.isNaN(d.weight)) d.weight = dests.length === 1 ? 100 : anyWeight ? 0 : 1;
  const total = dests.reduce((sum, d) => sum + d.weight, 0);
  if (total <= 0) return { error: `VirtualService ${meta.name}: every destination of the main HTTP route has weight 0.` };

  // `mirror` + `mirrorPercentage` (or the older `mirrorPercent`); Istio 1.22+ also has `mirrors`.
  const firstMirror = asObjects(main.mirrors)[0];
  const mirror = destinationOf(main.mirror) ?? destinationOf(firstMirror?.destination);
  const mirrorPercent =
    asNumber(asObject(main.mirrorPercentage)?.value) ?? asNumber(asObject(firstMirror?.percentage)?.value) ?? asNumber(main.mirrorPercent) ?? 100;
  const { isNew, assumption } = pickNew(dests, mirror);
  if (assumption === "ambiguous") {
    return { error: `VirtualService ${meta.name} routes to one destination and names neither path: name the subsets (for example k8s and legacy) so Ferry can tell which is new.` };
  }

  const subsets: RolloutSubset[] = dests.map((d, i) => ({
    name: d.subset ?? d.host,
    host: d.host,
    ...(d.subset ? { subset: d.subset } : {}),
    weight: (d.weight * 100) / total,
    isNew: isNew[i],
  }));
  const share = subsets.filter((s) => s.isNew).reduce((sum, s) => sum + s.weight, 0);
  const weight = wholePercent(share);
  for (const s of subsets) s.weight = wholePercent(s.weight);
  const mirrored = mirror !== undefined && mirrorPercent > 0 && sideOf(mirror) !== "old";

  const phase = weight === 0 ? (mirrored ? "Mirroring" : "NotShifted") : weight === 100 ? "Shifted" : "Shifting";
  const split = subsets.map((s) => `${s.name} ${s.weight}%${s.isNew ? " (new)" : ""}`).join(", ");
  const message = sentence(
    "Routing only, no health:",
    `${split};`,
    mirrored ? `${mirrorPercent}% mirrored to ${mirror.subset ?? mirror.host};` : undefined,
    assumption,
    total !== 100 ? `weights sum to ${total}, read as proportions;` : undefined,
    others.length > 0 ? `${others.length} matched route${others.length === 1 ? "" : "s"} (${others.join(", ")}) not counted.` : undefined,
  ).replace(/;$/, ".");

  return { sourceKind: "VirtualService", ...meta, weight, phase, healthy: true, aborted: false, message, ...(mirrored ? { mirrored } : {}), subsets };
}
