import { db } from "@/lib/db";
import { collectSnapshots, renderMetrics, type Gauge } from "@/lib/metrics";

// Prometheus scrape endpoint. Programme gauges are counts, not names of people or services.
export async function GET() {
  const gauges: Gauge[] = [
    { name: "ferry_up", help: "1 while Ferry serves requests", samples: [{ labels: {}, value: 1 }] },
  ];
  try {
    const rows = await db.slice.groupBy({ by: ["programmeId", "status"], _count: { _all: true } });
    const programmes = await db.programme.findMany({ select: { id: true, slug: true } });
    const slugOf = new Map(programmes.map((p) => [p.id, p.slug]));
    gauges.push({
      name: "ferry_slices",
      help: "Slices per programme and status",
      samples: rows.map((r) => ({ labels: { programme: slugOf.get(r.programmeId) ?? r.programmeId, status: r.status }, value: r._count._all })),
    });
    gauges.push({ name: "ferry_database_up", help: "1 when the database answered this scrape", samples: [{ labels: {}, value: 1 }] });
  } catch {
    gauges.push({ name: "ferry_database_up", help: "1 when the database answered this scrape", samples: [{ labels: {}, value: 0 }] });
  }
  return new Response(renderMetrics(await collectSnapshots(), gauges), { headers: { "content-type": "text/plain; version=0.0.4" } });
}
