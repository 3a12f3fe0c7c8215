/**
 * Counters for /api/metrics, in Prometheus' text exposition format. Each web server process
 * counts its own; a scrape, answered by any one of them, sums the counters of all (ADR 16).
 */
import { collect, provide } from "@/lib/workers/worker";

// On globalThis: every route bundle of a process must count into the same map.
const globalForMetrics = globalThis as unknown as { ferryCounters?: Map<string, number> };
const counters = (globalForMetrics.ferryCounters ??= new Map());

const key = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`)
    .join(",")}}`;

/** Adds one to a labelled counter. */
export function countMetric(name: string, labels: Record<string, string>): void {
  const k = key(name, labels);
  counters.set(k, (counters.get(k) ?? 0) + 1);
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

/** What one process reports to a scrape. */
export type ProcessSnapshot = { counters: [string, number][]; rssBytes: number; uptimeSeconds: number };

export function processSnapshot(): ProcessSnapshot {
  return { counters: [...counters], rssBytes: process.memoryUsage().rss, uptimeSeconds: Math.round(process.uptime()) };
}

provide("metrics", processSnapshot);

/** Every web server process's snapshot (this process's alone when it serves by itself). */
export async function collectSnapshots(): Promise<ProcessSnapshot[]> {
  return (await collect("metrics")).filter((s): s is ProcessSnapshot => typeof s === "object" && s !== null && Array.isArray((s as ProcessSnapshot).counters));
}

export type Gauge = { name: string; help: string; samples: { labels: Record<string, string>; value: number }[] };

/**
 * Renders the counters summed over the processes, each process's memory and uptime (labelled
 * by process when there are several), and the given gauges.
 */
export function renderMetrics(snapshots: ProcessSnapshot[], gauges: Gauge[]): string {
  const summed = new Map<string, number>();
  for (const s of snapshots) for (const [k, v] of s.counters) summed.set(k, (summed.get(k) ?? 0) + v);
  const byName = new Map<string, [string, number][]>();
  for (const [k, v] of summed) {
    const name = k.slice(0, k.indexOf("{"));
    byName.set(name, [...(byName.get(name) ?? []), [k, v]]);
  }
  const lines: string[] = [];
  for (const [name, samples] of [...byName].sort()) {
    lines.push(`# TYPE ${name} counter`);
    for (const [k, v] of samples.sort()) lines.push(`${k} ${v}`);
  }
  const per = (value: (s: ProcessSnapshot) => number): Gauge["samples"] =>
    snapshots.map((s, i): Gauge["samples"][number] => ({ labels: snapshots.length > 1 ? { process: String(i + 1) } : {}, value: value(s) }));
  const all: Gauge[] = [
    { name: "ferry_web_processes", help: "Web server processes that answered this scrape", samples: [{ labels: {}, value: snapshots.length }] },
    { name: "process_resident_memory_bytes", help: "Resident memory of each web server process", samples: per((s) => s.rssBytes) },
    { name: "process_uptime_seconds", help: "Seconds since each web server process started", samples: per((s) => s.uptimeSeconds) },
    ...gauges,
  ];
  for (const g of all) {
    lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
    for (const s of g.samples) lines.push(`${Object.keys(s.labels).length ? key(g.name, s.labels) : g.name} ${s.value}`);
  }
  return lines.join("\n") + "\n";
}

type SliceCount = { programmeId: string; status: string; count: number };

/**
 * Slices by status: per programme (labelled with its slug) for the metrics token's holder,
 * summed over programmes for anyone else, since programme slugs name customers and projects.
 */
export function sliceGauge(rows: SliceCount[], slugOf: Map<string, string> | null): Gauge {
  if (slugOf) {
    return {
      name: "ferry_slices",
      help: "Slices per programme and status",
      samples: rows.map((r) => ({ labels: { programme: slugOf.get(r.programmeId) ?? r.programmeId, status: r.status }, value: r.count })),
    };
  }
  const byStatus = new Map<string, number>();
  for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.count);
  return { name: "ferry_slices", help: "Slices per status, over all programmes", samples: [...byStatus].sort().map(([status, value]) => ({ labels: { status }, value })) };
}
