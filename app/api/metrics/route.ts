import { createHash, timingSafeEqual } from "node:crypto";
import { errorResponse } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import { log } from "@/lib/log";
import { countRefusal, METRICS_CONTENT_TYPE, renderMetrics, singleGauge, type ScrapeGauge } from "@/lib/metrics";
import { domainGauges, domainRows } from "@/lib/metrics/domain-gauges";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** "detailed" for `Authorization: Bearer $FERRY_METRICS_TOKEN`, "denied" for any other token. */
function access(authorization: string | null): "anonymous" | "detailed" | "denied" {
  if (!authorization) return "anonymous";
  const token = env().FERRY_METRICS_TOKEN;
  const presented = /^Bearer (.+)$/.exec(authorization)?.[1];
  // Digests compare in constant time whatever the lengths.
  return token && presented && timingSafeEqual(digest(presented), digest(token)) ? "detailed" : "denied";
}

const DATABASE_UP_HELP = "1 when the database answered this scrape or the one before (domain-gauges.ts)";

// Prometheus scrape endpoint: this replica's counters (Prometheus sums the replicas) and the
// database's gauges. Anyone may read totals; only the metrics token's holder sees the
// per-programme series, whose labels name every programme.
export async function GET(request: Request) {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const level = access(request.headers.get("authorization"));
  const headers = { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store", "x-request-id": requestId };
  if (level === "denied") {
    log.warn("metrics scrape with a wrong token", { requestId });
    countRefusal("metrics_token", 401);
    // A refusal is an API error like any other: the envelope, not the scrape's text format.
    const response = errorResponse(new AppError("UNAUTHENTICATED", "A wrong metrics token. Send FERRY_METRICS_TOKEN, or no Authorization header for the totals."), requestId);
    response.headers.set("www-authenticate", "Bearer");
    return response;
  }
  const gauges: ScrapeGauge[] = [singleGauge("ferry_up", "1 while Ferry serves requests", 1)];
  try {
    // Cached for a few seconds (domain-gauges.ts); the slugs only for the token's holder.
    const [rows, programmes] = await Promise.all([domainRows(db), level === "detailed" ? db.programme.findMany({ select: { id: true, slug: true } }) : null]);
    gauges.push(...domainGauges(rows, programmes && new Map(programmes.map((p) => [p.id, p.slug]))));
    gauges.push(singleGauge("ferry_database_up", DATABASE_UP_HELP, 1));
  } catch {
    gauges.push(singleGauge("ferry_database_up", DATABASE_UP_HELP, 0));
  }
  return new Response(await renderMetrics(gauges), { headers });
}
