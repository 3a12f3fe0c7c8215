/**
 * Runs fuzz cases against the server in windows, eight requests in flight, with a row-count
 * snapshot of the database between windows: a window in which no request was allowed to
 * write must leave every count as it was. Requests that could legitimately write (a valid
 * token on an operation's own method and path) go in small windows of their own, so that the
 * rest, the great majority, are all checked.
 */
import { diffCounts, type RowCounter } from "./fuzz-db";
import type { FuzzCase } from "./fuzz-cases";
import { mayWrite, pool, send, violations, type Answer, type Violation } from "./fuzz-http";

export type Failure = { index: number; source: "sampled" | "sweep"; c: FuzzCase; answer: Answer; violations: Violation[] };

export type RunStats = {
  cases: number;
  statuses: Record<string, number>;
  refusedChecked: number;
  windowsChecked: number;
  windowsWithWrites: number;
  maxMs: number;
};

const CONCURRENCY = 8;

export async function runCases(base: string, items: { index: number; source: Failure["source"]; c: FuzzCase }[], counter: RowCounter | null): Promise<{ failures: Failure[]; stats: RunStats }> {
  const failures: Failure[] = [];
  const stats: RunStats = { cases: 0, statuses: {}, refusedChecked: 0, windowsChecked: 0, windowsWithWrites: 0, maxMs: 0 };
  const candidate = (c: FuzzCase) => c.wellFormedTarget && (c.auth === "admin" || c.auth === "malformed" || c.path.startsWith("/api/v1/tokens"));
  const quiet = items.filter((i) => !candidate(i.c));
  const writers = items.filter((i) => candidate(i.c));
  const windows = [...chunk(quiet, 48), ...chunk(writers, 8)];

  for (const window of windows) {
    const before = counter ? await counter.snapshot() : null;
    const answers = await pool(window, CONCURRENCY, (item) => send(base, item.c));
    window.forEach((item, i) => {
      const answer = answers[i];
      stats.cases++;
      const key = "error" in answer ? "no answer" : String(answer.status);
      stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
      stats.maxMs = Math.max(stats.maxMs, answer.ms);
      const v = violations(item.c, answer);
      if (v.length) failures.push({ ...item, answer, violations: v });
    });
    if (!counter || !before) continue;
    if (window.some((item, i) => mayWrite(item.c, statusOf(answers[i])))) {
      stats.windowsWithWrites++;
      continue;
    }
    stats.windowsChecked++;
    stats.refusedChecked += window.length;
    const changed = diffCounts(before, await counter.snapshot());
    if (changed.length) failures.push(...(await culprits(base, window, counter, changed)));
  }
  return { failures, stats };
}

/** Replays a window one request at a time to name the request that wrote. */
async function culprits(base: string, window: { index: number; source: Failure["source"]; c: FuzzCase }[], counter: RowCounter, seen: string[]): Promise<Failure[]> {
  const found: Failure[] = [];
  for (const item of window) {
    const written = await writesOf(base, item.c, counter);
    if (written.changed.length) found.push({ ...item, answer: written.answer, violations: [{ property: "refused requests write nothing", detail: written.changed.join(", ") }] });
  }
  if (found.length) return found;
  // Not reproduced one at a time: report the window, which is still a write nobody was allowed.
  const first = window[0];
  return [{ ...first, answer: { error: "window", ms: 0 }, violations: [{ property: "refused requests write nothing", detail: `a window of ${window.length} requests changed ${seen.join(", ")}; not reproduced one by one` }] }];
}

/** Sends one case and reports what it changed, when it was not allowed to change anything. */
export async function writesOf(base: string, c: FuzzCase, counter: RowCounter): Promise<{ answer: Answer; changed: string[] }> {
  const before = await counter.snapshot();
  const answer = await send(base, c);
  if (mayWrite(c, statusOf(answer))) return { answer, changed: [] };
  return { answer, changed: diffCounts(before, await counter.snapshot()) };
}

const statusOf = (a: Answer) => ("error" in a ? 0 : a.status);

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** A case in a few lines, long values cut, so a report stays readable. */
export function describeCase(c: FuzzCase): string {
  const cut = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
  const headers = Object.entries(c.headers).map(([k, v]) => `${k}: ${k === "authorization" ? v.replace(/(Bearer\s+)(\S{6})\S+/, "$1$2…") : cut(v, 80)}`);
  const body = c.body === undefined ? "(no body)" : typeof c.body === "string" ? cut(JSON.stringify(c.body)) : `bytes ${cut(c.body.toString("hex"), 120)}`;
  return [`${c.method} ${cut(c.path, 400)}`, `  operation ${c.operation}, auth ${c.auth}, mutations: ${c.mutations.join("; ") || "none"}`, ...headers.map((h) => `  ${h}`), `  body ${body}`].join("\n");
}

export function describeAnswer(a: Answer): string {
  if ("error" in a) return `no answer (${a.error})`;
  const body = a.body.length > 300 ? `${a.body.slice(0, 300)}…` : a.body;
  return `${a.status} ${a.headers["content-type"] ?? "(no content type)"} x-request-id=${a.headers["x-request-id"] ?? "(none)"} ${body.replace(/\s+/g, " ")}`;
}
