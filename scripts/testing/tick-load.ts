/**
 * A bounded load of REST reads and checklist ticks for fault tests: a few clients, each on
 * its own keep-alive connection, each owning its own checklist items so that the last tick it
 * sent to an item is that item's last tick. Every request carries an x-request-id of its own,
 * which the tick's event stores: the database can then be asked what each request wrote.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { request, type Answer } from "./ferry-server";

export type Target = { sliceId: string; itemId: string };
export type TickBody = { state: "done"; evidenceUrl: string } | { state: "na"; reason: string };
export type Sent = { kind: "tick" | "services" | "slice"; requestId: string; startedAt: number; answer: Answer; target?: Target; body?: TickBody };

/**
 * Ticks alternate done (with evidence) and not applicable (with a reason), each with a value
 * never used before: every tick changes the item whatever the ticks before it did, so every
 * committed tick writes exactly one event (a tick that changes nothing writes none).
 */
export function tickBody(n: number, tag: string): TickBody {
  return n % 2 === 0 ? { state: "done", evidenceUrl: `https://ci.example/${tag}/${n}` } : { state: "na", reason: `fault test ${tag} #${n}` };
}

export type LoadOptions = { base: string; slug: string; token: string; clients: Target[][]; maxPerClient: number; timeoutMs?: number; reads?: boolean };

/** Runs until `stop()` or each client's count is reached; resolves with every request, in the order sent. */
export function startLoad(opts: LoadOptions): { stop: () => void; answered: () => number; done: Promise<Sent[]> } {
  let stopped = false;
  const sent: Sent[] = [];
  const auth = { authorization: `Bearer ${opts.token}` };
  const client = async (targets: Target[], c: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < opts.maxPerClient && !stopped; i++) {
      const requestId = `fault-${c}-${i}-${randomUUID().slice(0, 8)}`;
      const headers = { ...auth, "x-request-id": requestId };
      const startedAt = Date.now();
      const op = opts.reads === false ? 0 : i % 4;
      if (op === 0 || op === 2) {
        const target = targets[(i >> 1) % targets.length];
        const body = tickBody(i, `${c}`);
        const answer = await request(agent, opts.base, "PATCH", `/api/v1/programmes/${opts.slug}/slices/${target.sliceId}/checklist/${target.itemId}`, { headers, body, timeoutMs: opts.timeoutMs });
        sent.push({ kind: "tick", requestId, startedAt, answer, target, body });
      } else if (op === 1) {
        sent.push({ kind: "services", requestId, startedAt, answer: await request(agent, opts.base, "GET", `/api/v1/programmes/${opts.slug}/services`, { headers, timeoutMs: opts.timeoutMs }) });
      } else {
        const { sliceId } = targets[i % targets.length];
        sent.push({ kind: "slice", requestId, startedAt, answer: await request(agent, opts.base, "GET", `/api/v1/programmes/${opts.slug}/slices/${sliceId}`, { headers, timeoutMs: opts.timeoutMs }) });
      }
      // A refused connection answers at once: without a pause a client would spin on the CPU
      // the restarting database needs.
      if (sent.at(-1)!.answer.status === 0) await new Promise((r) => setTimeout(r, 50));
    }
    agent.destroy();
  };
  const done = Promise.all(opts.clients.map((targets, c) => client(targets, c))).then(() => sent.sort((a, b) => a.startedAt - b.startedAt));
  return { stop: () => (stopped = true), answered: () => sent.length, done };
}

/** What an answer is, in one word, for grouping in a failure message. */
export function describeAnswer(a: Answer): string {
  if (a.status === 0) return `no answer (${a.error})`;
  let code = "";
  try {
    code = JSON.parse(a.body)?.error?.code ?? "";
  } catch {
    code = "not JSON";
  }
  return `${a.status}${code ? ` ${code}` : ""}`;
}

/** Problems with an answer under the outage contract: 2xx, or 503 UNAVAILABLE with Retry-After; always our x-request-id. */
export function outageContractProblems(s: Sent): string[] {
  const a = s.answer;
  const problems: string[] = [];
  if (a.status === 0) return [`${s.kind}: ${describeAnswer(a)} after ${a.ms} ms`];
  if (a.headers["x-request-id"] !== s.requestId) problems.push(`${s.kind} ${a.status}: x-request-id ${a.headers["x-request-id"] ?? "missing"}`);
  if (a.status >= 200 && a.status < 300) return problems;
  if (a.status !== 503) return [...problems, `${s.kind}: ${describeAnswer(a)}`];
  if (describeAnswer(a) !== "503 UNAVAILABLE") problems.push(`${s.kind}: ${describeAnswer(a)} instead of 503 UNAVAILABLE`);
  if (!a.headers["retry-after"]) problems.push(`${s.kind} 503 without Retry-After`);
  return problems;
}

/** Each problem under the outage contract with how often it occurred (short enough for a failure message). */
export function outageContractCounts(sent: Sent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of sent.flatMap(outageContractProblems)) out[p.replace(/after \d+ ms/, "")] = (out[p.replace(/after \d+ ms/, "")] ?? 0) + 1;
  return out;
}

/** Counts of each kind of answer, e.g. { "tick 200": 310, "tick 503 UNAVAILABLE": 4 }. */
export function tally(sent: Sent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sent) out[`${s.kind} ${describeAnswer(s.answer)}`] = (out[`${s.kind} ${describeAnswer(s.answer)}`] ?? 0) + 1;
  return out;
}

/**
 * Checks what the ticks wrote against what they were answered: each tick answered 200 wrote
 * exactly one "checklist_item.ticked" event, no tick wrote two, a tick answered with an error
 * wrote nothing, and each item holds what its last written tick set. A tick cut off by a crash
 * (no answer) may or may not have committed when `lateMayCommit`. Returns the problems found.
 */
export async function tickConsistencyProblems(databaseUrl: string, sent: Sent[], opts: { lateMayCommit: boolean }): Promise<string[]> {
  const ticks = sent.filter((s) => s.kind === "tick");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: events } = await db.query<{ requestId: string; n: number }>(
      `SELECT "requestId", count(*)::int AS n FROM "Event" WHERE action = 'checklist_item.ticked' AND "requestId" = ANY($1) GROUP BY "requestId"`,
      [ticks.map((t) => t.requestId)],
    );
    const written = new Map(events.map((e) => [e.requestId, e.n]));
    const problems: string[] = [];
    for (const t of ticks) {
      const n = written.get(t.requestId) ?? 0;
      if (n > 1) problems.push(`tick ${t.requestId} wrote ${n} events`);
      if (t.answer.status === 200 && n !== 1) problems.push(`tick ${t.requestId} answered 200 but wrote ${n} events`);
      // UNAVAILABLE tells the caller to retry: had it been written, the retry would write it twice.
      if (t.answer.status >= 400 && n > 0) problems.push(`tick ${t.requestId} answered ${describeAnswer(t.answer)} but was written`);
      if (t.answer.status === 0 && n > 0 && !opts.lateMayCommit) problems.push(`tick ${t.requestId} got no answer but was written`);
    }
    const items = [...new Set(ticks.map((t) => t.target!.itemId))];
    const { rows } = await db.query<{ id: string; state: string; evidenceUrl: string | null; reason: string | null }>(
      `SELECT id, state::text AS state, "evidenceUrl", reason FROM "ChecklistItem" WHERE id = ANY($1)`,
      [items],
    );
    if (rows.length !== items.length) problems.push(`${items.length - rows.length} ticked items are missing`);
    for (const row of rows) {
      // The item must hold what its last written tick set: nothing half-applied, nothing lost.
      const last = ticks.filter((t) => t.target!.itemId === row.id && written.has(t.requestId)).at(-1);
      if (!last) continue;
      const b = last.body!;
      const holds = row.state === b.state && (b.state === "done" ? row.evidenceUrl === b.evidenceUrl : row.reason === b.reason);
      if (!holds) problems.push(`item ${row.id} holds ${JSON.stringify({ state: row.state, evidenceUrl: row.evidenceUrl, reason: row.reason })}; its last written tick (${last.requestId}, ${describeAnswer(last.answer)}) set ${JSON.stringify(b)}`);
    }
    return problems;
  } finally {
    await db.end();
  }
}
