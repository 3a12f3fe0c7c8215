/**
 * Metrics for /api/metrics, through prom-client. Each server process (one per replica, ADR 25)
 * counts its own; Prometheus scrapes every replica and sums them, as it does for any service.
 * Labels are bounded sets: route patterns and action names from the build's manifests
 * (lib/http/route-patterns.ts), methods from a fixed list, statuses, outcomes.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

const COUNTERS = {
  ferry_api_requests_total: { help: "REST API requests answered, by method and status", labelNames: ["method", "status"] },
  ferry_http_refusals_total: { help: "Requests answered before any route ran (proxy.ts, the early guard), by reason and status", labelNames: ["reason", "status"] },
  ferry_request_errors_total: { help: "Unexpected errors Next reported while serving, by route type", labelNames: ["routeType"] },
  ferry_http_requests_total: { help: "HTTP requests answered, by method, route pattern and status", labelNames: ["method", "route", "status"] },
  ferry_server_actions_total: { help: "Server actions run, by action name and outcome (ok or the error code)", labelNames: ["action", "outcome"] },
  ferry_live_notifications_total: { help: "Change announcements this replica's listener received from PostgreSQL", labelNames: [] },
  ferry_live_listener_reconnects_total: { help: "Times the listening connection was opened again after it broke", labelNames: [] },
} as const;

// Seconds; from a cached read (~1 ms) to an import (seconds).
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const HISTOGRAMS = {
  ferry_http_request_duration_seconds: { help: "Time to answer an HTTP request (streams excluded), by method, route pattern and status", labelNames: ["method", "route", "status"] },
  ferry_server_action_duration_seconds: { help: "Time to answer a server action, by action name", labelNames: ["action"] },
  ferry_db_query_duration_seconds: { help: "Time of a database statement, by outcome (ok, error)", labelNames: ["outcome"] },
} as const;

export type CounterName = keyof typeof COUNTERS;
export type HistogramName = keyof typeof HISTOGRAMS;
type LabelsOf<T extends { labelNames: readonly string[] }> = Record<T["labelNames"][number], string>;

type Metrics = {
  registry: Registry;
  counters: { [N in CounterName]: Counter<string> };
  histograms: { [N in HistogramName]: Histogram<string> };
  /** Read at every scrape: functions that report what they watch (pools, stream clients). */
  watchers: Map<string, () => ScrapeGauge[]>;
};

// On globalThis: the server loads this module once per route bundle, and every copy must count
// into the one registry of the process.
const globalForMetrics = globalThis as unknown as { ferryMetrics?: Metrics };
const metrics = (globalForMetrics.ferryMetrics ??= createMetrics());
// A registry made by an older copy of this module (a process that reloaded it) lacks what was added since.
for (const name of Object.keys(COUNTERS) as CounterName[]) metrics.counters[name] ??= makeCounter(metrics.registry, name);
for (const name of Object.keys(HISTOGRAMS) as HistogramName[]) metrics.histograms[name] ??= makeHistogram(metrics.registry, name);
metrics.watchers ??= new Map();

function makeCounter(registry: Registry, name: CounterName): Counter<string> {
  return new Counter({ name, help: COUNTERS[name].help, labelNames: [...COUNTERS[name].labelNames], registers: [registry] });
}

function makeHistogram(registry: Registry, name: HistogramName): Histogram<string> {
  return new Histogram({ name, help: HISTOGRAMS[name].help, labelNames: [...HISTOGRAMS[name].labelNames], buckets: LATENCY_BUCKETS, registers: [registry] });
}

function createMetrics(): Metrics {
  const registry = new Registry();
  // Node's own: memory, CPU, event-loop lag (nodejs_eventloop_lag_*), heap, GC, start time.
  collectDefaultMetrics({ register: registry });
  const counters = Object.fromEntries((Object.keys(COUNTERS) as CounterName[]).map((n) => [n, makeCounter(registry, n)])) as Metrics["counters"];
  const histograms = Object.fromEntries((Object.keys(HISTOGRAMS) as HistogramName[]).map((n) => [n, makeHistogram(registry, n)])) as Metrics["histograms"];
  return { registry, counters, histograms, watchers: new Map() };
}

/** Adds one to a labelled counter. */
export function countMetric<N extends CounterName>(name: N, labels: LabelsOf<(typeof COUNTERS)[N]>): void {
  metrics.counters[name].inc(labels);
}

/** Records one duration, in seconds, in a labelled histogram. */
export function observeMetric<N extends HistogramName>(name: N, labels: LabelsOf<(typeof HISTOGRAMS)[N]>, seconds: number): void {
  metrics.histograms[name].observe(labels, seconds);
}

/** A counter's value for exactly these labels (0 when never counted): for tests. */
export async function counterValue<N extends CounterName>(name: N, labels: LabelsOf<(typeof COUNTERS)[N]>): Promise<number> {
  const { values } = await metrics.counters[name].get();
  const wanted = Object.entries(labels);
  return values.find((v) => wanted.every(([k, x]) => v.labels[k] === x) && Object.keys(v.labels).length === wanted.length)?.value ?? 0;
}

/**
 * Reports what `read` returns at every scrape, under `key` (a second watch under the same key
 * replaces the first): the database pools, the live hub's clients.
 */
export function watchAtScrape(key: string, read: () => ScrapeGauge[]): void {
  metrics.watchers.set(key, read);
}

/** Stops reporting `key` (a pool that was closed). */
export function unwatch(key: string): void {
  metrics.watchers.delete(key);
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
 * The process's counters and Node's metrics, with the scrape's own gauges and the watchers'.
 * Those are made in a registry of their own for this answer only: two scrapes at once (one
 * with the metrics token, one without) must not see each other's series. Gauges of one name
 * from several sources (two pools) are summed per label set.
 */
export async function renderMetrics(gauges: ScrapeGauge[]): Promise<string> {
  const scrape = new Registry();
  const merged = new Map<string, ScrapeGauge>();
  for (const g of [...gauges, ...[...metrics.watchers.values()].flatMap((read) => read())]) {
    const into = merged.get(g.name) ?? { ...g, samples: [] };
    for (const s of g.samples) {
      const same = into.samples.find((x) => sameLabels(x.labels, s.labels));
      if (same) same.value += s.value;
      else into.samples.push({ labels: s.labels, value: s.value });
    }
    merged.set(g.name, into);
  }
  for (const g of merged.values()) {
    const gauge = new Gauge({ name: g.name, help: g.help, labelNames: g.labelNames, registers: [scrape] });
    for (const s of g.samples) gauge.set(s.labels, s.value);
  }
  // Two texts joined, rather than Registry.merge, which registers every metric again per scrape.
  const [own, read] = await Promise.all([metrics.registry.metrics(), scrape.metrics()]);
  return read ? `${own}\n${read}` : own;
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

type SliceCount = { programmeId: string; status: string; count: number };

/**
 * Slices by status: per programme (labelled with its slug) for the metrics token's holder,
 * summed over programmes for anyone else, since programme slugs name customers and projects.
 */
export function sliceGauge(rows: SliceCount[], slugOf: Map<string, string> | null): ScrapeGauge {
  return programmeGauge("ferry_slices", "Slices per programme and status", "Slices per status, over all programmes", ["status"], rows.map((r) => ({ programmeId: r.programmeId, labels: { status: r.status }, value: r.count })), slugOf);
}

type ProgrammeSample = { programmeId: string; labels: Record<string, string>; value: number };

/**
 * A domain gauge: per programme (label `programme`, its slug) for the metrics token's holder,
 * or summed over programmes per the other labels for anyone else.
 */
export function programmeGauge(name: string, helpPerProgramme: string, helpTotal: string, labelNames: string[], rows: ProgrammeSample[], slugOf: Map<string, string> | null): ScrapeGauge {
  // An unlabelled count reads 0 rather than nothing where there is none: alerts compare it.
  const zeros = labelNames.length === 0;
  if (slugOf) {
    const seen = new Set(rows.map((r) => r.programmeId));
    const all = zeros ? [...rows, ...[...slugOf.keys()].filter((id) => !seen.has(id)).map((programmeId) => ({ programmeId, labels: {}, value: 0 }))] : rows;
    return { name, help: helpPerProgramme, labelNames: ["programme", ...labelNames], samples: all.map((r) => ({ labels: { programme: slugOf.get(r.programmeId) ?? r.programmeId, ...r.labels }, value: r.value })) };
  }
  if (zeros && rows.length === 0) return { name, help: helpTotal, labelNames, samples: [{ labels: {}, value: 0 }] };
  const totals = new Map<string, Sample>();
  for (const r of rows) {
    const key = JSON.stringify(labelNames.map((l) => r.labels[l]));
    const sample = totals.get(key) ?? { labels: r.labels, value: 0 };
    sample.value += r.value;
    totals.set(key, sample);
  }
  return { name, help: helpTotal, labelNames, samples: [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s) };
}

/** A gauge of one unlabelled sample. */
export function singleGauge(name: string, help: string, value: number): ScrapeGauge {
  return { name, help, labelNames: [], samples: [{ labels: {}, value }] };
}

type PoolLike = {
  query: (...args: never[]) => unknown;
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  ended?: boolean;
  options: { max?: number };
  on(event: "connect", listener: (client: { query: (...args: never[]) => unknown }) => void): unknown;
};

let poolSerial = 0;

/**
 * Times every statement the pool's connections run (ferry_db_query_duration_seconds) and
 * reports the pool's connections at each scrape: open, idle, and requests waiting for one
 * (saturation: waiting above 0 while open equals max).
 */
export function observePool(pool: PoolLike, onStatementError?: (error: unknown) => void): void {
  const key = `db_pool_${++poolSerial}`;
  // Promise-form calls only, which is how the Prisma adapter issues statements: on the pool
  // (outside transactions; pg then calls the client with a callback, not counted again) and on
  // a client it holds (transactions). The handlers are attached where the call is made, so a
  // failure is logged in the request's context.
  const timed = <F extends (...args: never[]) => unknown>(call: F): F =>
    ((...args: Parameters<F>) => {
      const started = performance.now();
      const result = call(...args);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        const seconds = () => (performance.now() - started) / 1000;
        (result as Promise<unknown>).then(
          () => observeMetric("ferry_db_query_duration_seconds", { outcome: "ok" }, seconds()),
          (error: unknown) => {
            observeMetric("ferry_db_query_duration_seconds", { outcome: "error" }, seconds());
            // Many are expected (a unique constraint a use case turns into CONFLICT): the caller logs at debug.
            onStatementError?.(error);
          },
        );
      }
      return result;
    }) as F;
  pool.query = timed(pool.query.bind(pool));
  pool.on("connect", (client) => {
    client.query = timed(client.query.bind(client));
  });
  watchAtScrape(key, () => {
    if (pool.ended) {
      unwatch(key);
      return [];
    }
    return [
      {
        name: "ferry_db_pool_connections",
        help: "Database connections of this replica's pools: open, idle, and requests waiting for one",
        labelNames: ["state"],
        samples: [
          { labels: { state: "open" }, value: pool.totalCount },
          { labels: { state: "idle" }, value: pool.idleCount },
          { labels: { state: "waiting" }, value: pool.waitingCount },
        ],
      },
      singleGauge("ferry_db_pool_max", "Connections this replica's pools may open (FERRY_DB_POOL)", pool.options.max ?? 10),
    ];
  });
}
