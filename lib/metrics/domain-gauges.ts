/**
 * The domain gauges of /api/metrics: slices by status and by stage, open gating items and
 * blocked slices, per programme. One statement reads them all, grouped in the database, and
 * its answer is reused for a few seconds: Prometheus scraping every replica every 15 s, or a
 * dashboard refreshing, must cost the database one grouped read per replica per interval,
 * whatever the size of the programmes.
 */
import "server-only";
import type { Db } from "@/lib/db";
import { INFRASTRUCTURE_KINDS } from "@/lib/planning/types";
import { programmeGauge, sliceGauge, type ScrapeGauge } from "@/lib/metrics";

export const DOMAIN_CACHE_MS = 5_000;
/**
 * How old the rows may be and still answer a scrape while newer ones are read behind it.
 * Prometheus scrapes every 15 to 60 s, so nearly every real scrape finds the rows older than
 * DOMAIN_CACHE_MS: each waited for the statement (60 to 110 ms on a programme of 2,000 slices,
 * against the 10 ms a scrape may take), and now takes the previous scrape's rows instead. A
 * gauge is then one scrape behind; `ferry_database_up` too, which the alert rules allow for
 * (FerryDatabaseDown waits two minutes).
 */
export const DOMAIN_STALE_MS = 120_000;

export type DomainRow = { metric: "slices" | "gating" | "blocked"; programmeId: string; status: string | null; stage: string | null; value: number };

// Blocked as lib/planning/blocking.ts says: a slice not live waits on a slice not live, planned
// in an earlier wave, that holds a service it depends on (or, for shared infrastructure, one of
// its users: an application using infrastructure moves before it, ordering.ts).
const DOMAIN_SQL = `
WITH svc AS (
  SELECT id, "sliceId", (shared OR kind::text = ANY($1::text[])) AS infra FROM "Service" WHERE "sliceId" IS NOT NULL
), edge AS (
  SELECT d."programmeId",
    CASE WHEN b.infra AND NOT a.infra THEN a."sliceId" ELSE b."sliceId" END AS before_id,
    CASE WHEN b.infra AND NOT a.infra THEN b."sliceId" ELSE a."sliceId" END AS after_id
  FROM "Dependency" d JOIN svc a ON a.id = d."fromId" JOIN svc b ON b.id = d."toId"
)
SELECT 'slices' AS metric, "programmeId", status::text AS status, stage::text AS stage, count(*)::int AS value
  FROM "Slice" GROUP BY "programmeId", status, stage
UNION ALL
SELECT 'gating', "programmeId", NULL, NULL, count(*)::int
  FROM "ChecklistItem" WHERE state = 'open' AND "gateStage" IS NOT NULL GROUP BY "programmeId"
UNION ALL
SELECT 'blocked', e."programmeId", NULL, NULL, count(DISTINCT e.after_id)::int
  FROM edge e
  JOIN "Slice" sb ON sb.id = e.before_id JOIN "Wave" wb ON wb.id = sb."waveId"
  JOIN "Slice" sa ON sa.id = e.after_id JOIN "Wave" wa ON wa.id = sa."waveId"
  WHERE e.before_id <> e.after_id AND wb.number < wa.number
    AND sa.status NOT IN ('live', 'done') AND sb.status NOT IN ('live', 'done')
  GROUP BY e."programmeId"`;

type Cached = { at: number; rows: Promise<DomainRow[]>; refreshing?: boolean };
const globalForDomain = globalThis as unknown as { ferryDomainGauges?: Cached };

/**
 * The grouped rows: read at most once per DOMAIN_CACHE_MS per process (one read in flight at a
 * time); older rows, up to DOMAIN_STALE_MS, answer at once while one read replaces them.
 */
export function domainRows(db: Db, now = Date.now()): Promise<DomainRow[]> {
  const cached = globalForDomain.ferryDomainGauges;
  if (cached && now - cached.at < DOMAIN_CACHE_MS) return cached.rows;
  if (cached && now - cached.at < DOMAIN_STALE_MS) {
    if (!cached.refreshing) {
      cached.refreshing = true;
      // Once this scrape has answered: building and sending the statement is the client's own
      // work, on this thread, and not this scrape's.
      setImmediate(() => {
        const rows = query(db);
        rows.then(
          () => (globalForDomain.ferryDomainGauges = { at: now, rows }),
          // A failed read keeps nothing: the next scrape waits for its own, and says the database is down if it is.
          () => {
            if (globalForDomain.ferryDomainGauges === cached) globalForDomain.ferryDomainGauges = undefined;
          },
        );
      });
    }
    return cached.rows;
  }
  const rows = query(db);
  const entry: Cached = { at: now, rows };
  globalForDomain.ferryDomainGauges = entry;
  // A failed read is not kept: the next scrape tries again.
  rows.catch(() => {
    if (globalForDomain.ferryDomainGauges === entry) globalForDomain.ferryDomainGauges = undefined;
  });
  return rows;
}

const query = (db: Db) => db.$queryRawUnsafe<DomainRow[]>(DOMAIN_SQL, [...INFRASTRUCTURE_KINDS]);

/** Forgets the cached rows: for tests that change the data between scrapes. */
export function forgetDomainRows(): void {
  globalForDomain.ferryDomainGauges = undefined;
}

/** The gauges from the rows: per programme (by slug) when `slugOf` is given, else totals. */
export function domainGauges(rows: readonly DomainRow[], slugOf: Map<string, string> | null): ScrapeGauge[] {
  const of = (metric: DomainRow["metric"]) => rows.filter((r) => r.metric === metric);
  const slices = of("slices");
  const byStatus = new Map<string, { programmeId: string; status: string; count: number }>();
  const byStage = new Map<string, { programmeId: string; labels: { stage: string }; value: number }>();
  for (const r of slices) {
    const s = byStatus.get(`${r.programmeId}\n${r.status}`) ?? { programmeId: r.programmeId, status: r.status ?? "", count: 0 };
    s.count += r.value;
    byStatus.set(`${r.programmeId}\n${r.status}`, s);
    const g = byStage.get(`${r.programmeId}\n${r.stage}`) ?? { programmeId: r.programmeId, labels: { stage: r.stage ?? "" }, value: 0 };
    g.value += r.value;
    byStage.set(`${r.programmeId}\n${r.stage}`, g);
  }
  const plain = (metric: DomainRow["metric"]) => of(metric).map((r) => ({ programmeId: r.programmeId, labels: {}, value: r.value }));
  return [
    sliceGauge([...byStatus.values()], slugOf),
    programmeGauge("ferry_slices_by_stage", "Slices per programme and traffic stage", "Slices per traffic stage, over all programmes", ["stage"], [...byStage.values()], slugOf),
    programmeGauge("ferry_open_gating_items", "Open checklist items that gate a traffic stage, per programme", "Open checklist items that gate a traffic stage, over all programmes", [], plain("gating"), slugOf),
    programmeGauge("ferry_blocked_slices", "Slices waiting on a slice of an earlier wave that is not live yet, per programme", "Slices waiting on a slice of an earlier wave that is not live yet, over all programmes", [], plain("blocked"), slugOf),
  ];
}
