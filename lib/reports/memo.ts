import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";

/**
 * A report is a pure function of the programme's rows, its events, the week and the clock,
 * and every write that changes what a report shows appends an event in its transaction. So a
 * built report (or export) can be kept per process under the programme's latest event id and
 * reused until another event lands: the overview polling every few seconds, or the same week
 * downloaded in three formats, builds it once.
 *
 * Bounded staleness, not exactness, for two cases: the current week is reported "as of now"
 * (days without progress, the burn-up's last point), and an event id taken by a transaction
 * that commits after a later one leaves the latest id unchanged. Both are covered by the TTL:
 * an entry lives at most a minute.
 */
export const REPORT_MEMO_TTL_MS = 60_000;

type Memo = { reports: LRUCache<string, object>; overview: LRUCache<string, object>; exports: LRUCache<string, { body: string | Buffer; contentType: string; filename: string }> };
const globalForMemo = globalThis as unknown as { ferryReportMemo?: Memo };
const memo = (globalForMemo.ferryReportMemo ??= {
  // A large programme's report is a few megabytes in memory: a handful per process.
  reports: new LRUCache({ max: 8, ttl: REPORT_MEMO_TTL_MS }),
  // The overview's own figures (lib/overview/queries.ts): a few kilobytes each.
  overview: new LRUCache({ max: 64, ttl: REPORT_MEMO_TTL_MS }),
  exports: new LRUCache({ maxSize: 32 * 1024 * 1024, sizeCalculation: (e) => Math.max(1, typeof e.body === "string" ? e.body.length * 2 : e.body.length), ttl: REPORT_MEMO_TTL_MS }),
});
// A process that kept an older memo object (a dev server across reloads) gets the store it lacks.
memo.overview ??= new LRUCache({ max: 64, ttl: REPORT_MEMO_TTL_MS });

/** The programme's history version: its latest event id (0 with none), one index lookup. */
export async function historyVersion(programmeId: string): Promise<number> {
  const rows = await db.$queryRaw<{ v: number | null }[]>`SELECT max(id) AS v FROM "Event" WHERE "programmeId" = ${programmeId}`;
  return rows[0]?.v ?? 0;
}

/** `build()` once per key while it is fresh; callers must not change what they get. */
export async function memoised<T extends object>(store: "reports" | "overview" | "exports", key: string, build: () => Promise<T>): Promise<T> {
  const cache = memo[store] as unknown as LRUCache<string, T>;
  const hit = cache.get(key);
  if (hit) return hit;
  const value = await build();
  cache.set(key, value);
  return value;
}

/** Forgets everything (tests that change rows without an event). */
export function clearReportMemo(): void {
  memo.reports.clear();
  memo.overview.clear();
  memo.exports.clear();
}
