import "server-only";
import { LRUCache } from "lru-cache";

/**
 * Every write that changes a programme's rows appends an event in its transaction (the event
 * catalogue), so what is computed from those rows can be kept per process under the
 * programme's latest event id and reused until another event lands. A report is a pure
 * function of the rows, the events, the week and the clock: the overview polling every few
 * seconds, or one week downloaded in three formats, builds it once. The dependency graph is a
 * function of the rows alone: everyone who opens the explorer between two changes is served
 * the one answer, instead of a read, sort and analysis of 20,000 rows each.
 *
 * Bounded staleness, not exactness, for two cases: the current week is reported "as of now"
 * (days without progress, the burn-up's last point), and an event id taken by a transaction
 * that commits after a later one leaves the latest id unchanged. Both are covered by the TTL:
 * an entry lives at most a minute.
 */
export const HISTORY_MEMO_TTL_MS = 60_000;

// What a store's fetch is given: the build of the entry it lacks (lru-cache's fetchMethod context).
type Build = () => Promise<object>;
type Store = LRUCache<string, object, Build>;
type Memo = { reports: Store; overview: Store; exports: Store; graph: Store };
const globalForMemo = globalThis as unknown as { ferryHistoryMemo?: Memo };
// lru-cache's fetch() coalesces concurrent fetches of one key into one call of fetchMethod: fifty
// people opening the overview after the same tick wait for one build instead of running fifty.
const store = (options: { max: number } | { maxSize: number; sizeCalculation: (value: object) => number }): Store =>
  new LRUCache<string, object, Build>({ ...options, ttl: HISTORY_MEMO_TTL_MS, fetchMethod: (_key, _stale, { context }) => context() });
// An entry with a body (an export, a graph's JSON) counts its size in bytes.
const bodySize = (e: object) => {
  const body = (e as { body: string | Buffer }).body;
  return Math.max(1, typeof body === "string" ? body.length * 2 : body.length);
};
const memo = (globalForMemo.ferryHistoryMemo ??= {
  // A large programme's report is a few megabytes in memory: a handful per process.
  reports: store({ max: 8 }),
  // The overview's own figures (lib/overview/queries.ts): a few kilobytes each.
  overview: store({ max: 64 }),
  exports: store({ maxSize: 32 * 1024 * 1024, sizeCalculation: bodySize }),
  // The graph's JSON in its two shapes (lib/graph/queries.ts): 2 to 3 MB each at 5,000 services.
  graph: store({ maxSize: 32 * 1024 * 1024, sizeCalculation: bodySize }),
});

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
export function clearHistoryMemo(): void {
  for (const store of Object.values(memo)) store.clear();
}
