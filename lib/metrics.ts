/** In-process counters for /api/metrics, in Prometheus' text exposition format. */
const counters = new Map<string, number>();

const key = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`)
    .join(",")}}`;

/** Adds one to a labelled counter. */
export function countMetric(name: string, labels: Record<string, string>): void {
  const k = key(name, labels);
  counters.set(k, (counters.get(k) ?? 0) + 1);
}

export type Gauge = { name: string; help: string; samples: { labels: Record<string, string>; value: number }[] };

/** Renders counters and the given gauges. */
export function renderMetrics(gauges: Gauge[]): string {
  const lines: string[] = [];
  const byName = new Map<string, [string, number][]>();
  for (const [k, v] of counters) {
    const name = k.slice(0, k.indexOf("{"));
    byName.set(name, [...(byName.get(name) ?? []), [k, v]]);
  }
  for (const [name, samples] of [...byName].sort()) {
    lines.push(`# TYPE ${name} counter`);
    for (const [k, v] of samples.sort()) lines.push(`${k} ${v}`);
  }
  for (const g of gauges) {
    lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
    for (const s of g.samples) lines.push(`${Object.keys(s.labels).length ? key(g.name, s.labels) : g.name} ${s.value}`);
  }
  return lines.join("\n") + "\n";
}
