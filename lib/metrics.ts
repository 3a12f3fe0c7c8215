/**
 * Metrics for /api/metrics, through prom-client. Each server process (one per replica, ADR 25)
 * counts its own; Prometheus scrapes every replica and sums them, as it does for any service.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

const COUNTERS = {
  ferry_api_requests_total: { help: "REST API requests answered, by method and status", labelNames: ["method", "status"] },
  ferry_http_refusals_total: { help: "Requests answered before any route ran (proxy.ts, the early guard), by reason and status", labelNames: ["reason", "status"] },
  ferry_request_errors_total: { help: "Unexpected errors Next reported while serving, by route type", labelNames: ["routeType"] },
} as const;

export type CounterName = keyof typeof COUNTERS;
type Metrics = { registry: Registry; counters: { [N in CounterName]: Counter<(typeof COUNTERS)[N]["labelNames"][number]> } };

// On globalThis: the server loads this module once per route bundle, and every copy must count
// into the one registry of the process.
const globalForMetrics = globalThis as unknown as { ferryMetrics?: Metrics };
const metrics = (globalForMetrics.ferryMetrics ??= createMetrics());

function createMetrics(): Metrics {
  const registry = new Registry();
  // Node's own: memory, CPU, event-loop lag, heap, garbage collection, start time.
  collectDefaultMetrics({ register: registry });
  const counter = (name: CounterName) => new Counter({ name, help: COUNTERS[name].help, labelNames: [...COUNTERS[name].labelNames], registers: [registry] });
  return {
    registry,
    counters: { ferry_api_requests_total: counter("ferry_api_requests_total"), ferry_http_refusals_total: counter("ferry_http_refusals_total"), ferry_request_errors_total: counter("ferry_request_errors_total") },
  };
}

/** Adds one to a labelled counter. */
export function countMetric<N extends CounterName>(name: N, labels: Record<(typeof COUNTERS)[N]["labelNames"][number], string>): void {
  (metrics.counters[name] as Counter<string>).inc(labels);
}

/** A counter's value for exactly these labels (0 when never counted): for tests. */
export async function counterValue<N extends CounterName>(name: N, labels: Record<(typeof COUNTERS)[N]["labelNames"][number], string>): Promise<number> {
  const { values } = await (metrics.counters[name] as Counter<string>).get();
  const wanted = Object.entries(labels);
  return values.find((v) => wanted.every(([k, x]) => v.labels[k] === x) && Object.keys(v.labels).length === wanted.length)?.value ?? 0;
}

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A method as a label: anything else is "other", so a caller cannot mint label values. */
export function metricMethod(method: string): string {
  return KNOWN_METHODS.has(method) ? method : "other";
}

/** Counts a request answered before any route ran (proxy.ts, the early guard), by reason. */
export function countRefusal(reason: string, status: number): void {
  countMetric("ferry_http_refusals_total", { reason, status: String(status) });
}

type Sample = { labels: Record<string, string>; value: number };
/** A gauge read at scrape time: its samples depend on the scrape (the database, who asks). */
export type ScrapeGauge = { name: string; help: string; labelNames: string[]; samples: Sample[] };

export const METRICS_CONTENT_TYPE = metrics.registry.contentType;

/**
 * The process's counters and Node's metrics, with the scrape's own gauges. Those are made in a
 * registry of their own for this answer only: two scrapes at once (one with the metrics token,
 * one without) must not see each other's series.
 */
export async function renderMetrics(gauges: ScrapeGauge[]): Promise<string> {
  const scrape = new Registry();
  for (const g of gauges) {
    const gauge = new Gauge({ name: g.name, help: g.help, labelNames: g.labelNames, registers: [scrape] });
    for (const s of g.samples) gauge.set(s.labels, s.value);
  }
  return Registry.merge([metrics.registry, scrape]).metrics();
}

type SliceCount = { programmeId: string; status: string; count: number };

/**
 * Slices by status: per programme (labelled with its slug) for the metrics token's holder,
 * summed over programmes for anyone else, since programme slugs name customers and projects.
 */
export function sliceGauge(rows: SliceCount[], slugOf: Map<string, string> | null): ScrapeGauge {
  if (slugOf) {
    return {
      name: "ferry_slices",
      help: "Slices per programme and status",
      labelNames: ["programme", "status"],
      samples: rows.map((r) => ({ labels: { programme: slugOf.get(r.programmeId) ?? r.programmeId, status: r.status }, value: r.count })),
    };
  }
  const byStatus = new Map<string, number>();
  for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.count);
  return { name: "ferry_slices", help: "Slices per status, over all programmes", labelNames: ["status"], samples: [...byStatus].sort().map(([status, value]) => ({ labels: { status }, value })) };
}

/** A gauge of one unlabelled sample. */
export function singleGauge(name: string, help: string, value: number): ScrapeGauge {
  return { name, help, labelNames: [], samples: [{ labels: {}, value }] };
}
