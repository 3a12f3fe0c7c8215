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

// What a store's fetch is given: the build of the entry it lacks (lru-cache's fetchMethod context).
type Build = () => Promise<object>;
type Store = LRUCache<string, object, Build>;
type Memo = { reports: Store; overview: Store; exports: Store };
const globalForMemo = globalThis as unknown as { ferryReportStores?: Memo };
// lru-cache's fetch() coalesces concurrent fetches of one key into one call of fetchMethod: fifty
// people opening the overview after the same tick wait for one build instead of running fifty.
const store = (options: { max: number } | { maxSize: number; sizeCalculation: (value: object) => number }): Store =>
  new LRUCache<string, object, Build>({ ...options, ttl: REPORT_MEMO_TTL_MS, fetchMethod: (_key, _stale, { context }) => context() });
const exportSize = (e: object) => {
  const body = (e as { body: string | Buffer }).body;
  return Math.max(1, typeof body === "string" ? body.length * 2 : body.length);
};
const memo = (globalForMemo.ferryReportStores ??= {
  // A large programme's report is a few megabytes in memory: a handful per process.
  reports: store({ max: 8 }),
  // The overview's own figures (lib/overview/queries.ts): a few kilobytes each.
  overview: store({ max: 64 }),
  exports: store({ maxSize: 32 * 1024 * 1024, sizeCalculation: exportSize }),
});

/** The programme's history version: its latest event id (0 with none), one index lookup. */
export async function historyVersion(programmeId: string): Promise<number> {
  const rows = await db.$queryRaw<{ v: number | null }[]>`SELECT max(id) AS v FROM "Event" WHERE "programmeId" = ${programmeId}`;
  return rows[0]?.v ?? 0;
}

/**
 * `build()` once per key while it is fresh, and once for all callers that ask while it runs;
 * callers must not change what they get. A failed build is not kept: the next caller tries again.
 */
export async function memoised<T extends object>(name: keyof Memo, key: string, build: () => Promise<T>): Promise<T> {
  const value = await memo[name].fetch(key, { context: build });
  // fetch() answers undefined only when fetchMethod does, and build() never does.
  return value as T;
}

/** Forgets everything (tests that change rows without an event). */
export function clearReportMemo(): void {
  memo.reports.clear();
  memo.overview.clear();
  memo.exports.clear();
}
