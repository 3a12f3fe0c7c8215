/**
 * The mixed load benchmark (`mixed_load`): 50 signed-in managers use the served large
 * programme at once for 60 s, each with one request in flight, on a fixed schedule that offers
 * 250 requests/s in total: page views (overview, services list with a filter, a slice page,
 * the wave board), REST writes (checklist ticks; stage moves one step back with a reason and
 * forward again) and REST reads (a slice, the services, the events since the last poll).
 * Prints throughput, p50/p95/p99 per class (writes, pages, API reads) and per kind, and the
 * error count: any answer but 2xx/3xx counts, except 409 conflicts, which are counted apart.
 *
 * Run it alone (index.ts runs the benchmarks whose names start with an argument):
 *   npm run bench -- mixed
 *   BENCH_MIXED_SECONDS=10 npm run bench -- mixed      # a short run while developing
 * BENCH_MIXED_SECONDS (default 60) is the measured duration, BENCH_MIXED_WARMUP_SECONDS
 * (default 10) the unrecorded warm-up before it, BENCH_MIXED_RATE (default 250) the offered
 * requests/s. The bench server allows enough sign-ins for the 50 users (index.ts raises
 * FERRY_SIGNIN_RATE_LIMIT for it).
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { createPasswordUser } from "../lib/auth/credentials";
import { generateToken, hashToken, tokenPrefix } from "../lib/auth/tokens";
import { addMembership } from "../lib/seed";
import { createRng, type Rng } from "../lib/seed/prng";
import { STAGES, stageFromDb, stageIndex, type Stage } from "../lib/slices/stages";
import { percentile, round } from "./measure";
import type { Benchmark, BenchContext } from "./suites";

const USERS = 50;
const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = envNumber("BENCH_MIXED_SECONDS", 60);
const WARMUP_SECONDS = envNumber("BENCH_MIXED_WARMUP_SECONDS", 10);
const RATE = envNumber("BENCH_MIXED_RATE", 250);
const TARGET = "p95 <= 100 ms for writes, <= 200 ms for pages, 0 errors";
const TICKS_PER_USER = 100;

type Kind = "tick" | "stage_move" | "overview_page" | "services_page" | "slice_page" | "wave_board_page" | "slice_api" | "services_api" | "events_api";
type Class = "writes" | "pages" | "apiReads";
// The kind names say their class: pages end in _page, API reads in _api, the rest write.
const classOf = (kind: Kind): Class => (kind.endsWith("_page") ? "pages" : kind.endsWith("_api") ? "apiReads" : "writes");

/**
 * Shares of the requests, in percent. Pipelines tick in bulk and poll, people look at pages
 * every few seconds: writes 40, API reads 40, pages 20. The whole services API (5,000 services
 * and their dependencies) is an export-like read, so it is rare.
 */
const MIX: [Kind, number][] = [
  ["tick", 36],
  ["stage_move", 4],
  ["slice_api", 20],
  ["events_api", 18],
  ["services_api", 2],
  ["overview_page", 5],
  ["services_page", 7],
  ["slice_page", 5],
  ["wave_board_page", 3],
];

const SERVICE_FILTERS = ["", "q=billing", "kind=datastore", "stateful=yes", "status=live", "tier=1", "wave=3", "sort=team&dir=desc", "tag=tier-1"];

type Answer = { status: number; body: string };

/**
 * One request on a keep-alive agent; resolves when the whole answer has arrived. The body is
 * kept only when asked for, or for an unexpected answer: decoding every page would charge the
 * client's CPU to the two cores the server runs on.
 */
function send(agent: http.Agent, method: string, url: string, headers: Record<string, string>, body?: string, keepBody = false): Promise<Answer> {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : Buffer.from(body);
    const r = http.request(url, { method, agent, headers: data ? { ...headers, "content-type": "application/json", "content-length": String(data.length) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      const status = res.statusCode ?? 0;
      const keep = keepBody || status < 200 || status > 299;
      res.on("data", (c: Buffer) => keep && chunks.push(c));
      res.on("end", () => resolve({ status, body: keep ? Buffer.concat(chunks).toString("utf8") : "" }));
      res.on("error", (e) => resolve({ status: 0, body: String(e) }));
    });
    // A refused or reset connection is an error of the run (status 0), not a crash of the bench.
    r.on("error", (e) => resolve({ status: 0, body: String(e) }));
    r.end(data);
  });
}

type MoveSlice = { id: string; home: Stage; stage: Stage; version: number | undefined };
type User = { cookie: string; bearer: string; ticks: { sliceId: string; id: string }[]; tickAt: number; move: MoveSlice; afterId: number; rng: Rng };
type Fixture = { users: User[]; sliceIds: string[]; team: string };

/** Fifty managers with a session and an API token each, and the slices and items each works on. */
async function prepare(ctx: BenchContext): Promise<Fixture> {
  const programme = await ctx.db.programme.findUniqueOrThrow({ where: { slug: ctx.slug }, select: { id: true } });
  // Slices in flight below 100%: each user moves one of its own, so moves never race each other.
  // Not at 100%: coming back to 100% with the retirement items ticked makes a slice done, and a
  // done slice cannot roll back (INVALID), so the next move would fail.
  const movable = await ctx.db.slice.findMany({ where: { programmeId: programme.id, status: { in: ["parallel_run", "shifting"] } }, select: { id: true, stage: true }, orderBy: { id: "asc" }, take: USERS });
  if (movable.length < USERS) throw new Error(`only ${movable.length} slices in flight to move`);
  const moveIds = movable.map((s) => s.id);
  // Open items on other slices (a reopened gate would block a move); each user cycles its own.
  const items = await ctx.db.$queryRaw<{ id: string; sliceId: string }[]>`
    SELECT i.id, i."sliceId" FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId"
    WHERE s."programmeId" = ${programme.id} AND i.state = 'open' AND s.stage <> '100' AND NOT (s.id = ANY(${moveIds}))
    ORDER BY md5(i.id) LIMIT ${USERS * TICKS_PER_USER}`;
  if (items.length < USERS * TICKS_PER_USER) throw new Error(`only ${items.length} open items to tick`);
  const sliceIds = (await ctx.db.slice.findMany({ where: { programmeId: programme.id }, select: { id: true } })).map((s) => s.id);
  const team = (await ctx.db.team.findFirstOrThrow({ where: { programmeId: programme.id }, select: { name: true } })).name;
  const lastEvent = await ctx.db.event.findFirst({ where: { programmeId: programme.id }, orderBy: { id: "desc" }, select: { id: true } });

  const run = randomUUID().slice(0, 8);
  // One at a time: createPasswordUser writes a placeholder account id, unique until it is set.
  const accounts: { email: string; password: string; token: string }[] = [];
  for (let u = 0; u < USERS; u++) {
    const email = `bench-mixed-${run}-${u}@bench.ferry.local`;
    const password = `bench-${randomUUID()}`;
    const userId = await createPasswordUser(ctx.db, { email, name: `Bench manager ${u}`, password });
    await addMembership(ctx.db, userId, { programmeId: programme.id, role: "manager" });
    const token = generateToken();
    await ctx.db.apiToken.create({ data: { userId, name: "bench mixed", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
    accounts.push({ email, password, token });
  }
  const users: User[] = [];
  // Four sign-ins at a time: the server's password check is CPU-bound.
  for (let start = 0; start < USERS; start += 4) {
    const batch = accounts.slice(start, start + 4).map(async ({ email, password, token }, b): Promise<User> => {
      const u = start + b;
      const res = await fetch(`${ctx.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ctx.baseUrl }, body: JSON.stringify({ email, password }) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`sign-in of bench user ${u} answered ${res.status} (is FERRY_SIGNIN_RATE_LIMIT raised for the bench server?)`);
      const home = stageFromDb(movable[u].stage);
      return {
        cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "),
        bearer: `Bearer ${token}`,
        ticks: items.slice(u * TICKS_PER_USER, (u + 1) * TICKS_PER_USER),
        tickAt: 0,
        move: { id: movable[u].id, home, stage: home, version: undefined },
        afterId: lastEvent?.id ?? 0,
        rng: createRng(1000 + u),
      };
    });
    users.push(...(await Promise.all(batch)));
  }
  return { users, sliceIds, team };
}

function pickKind(rng: Rng): Kind {
  let x = rng.next() * 100;
  for (const [kind, share] of MIX) {
    if ((x -= share) < 0) return kind;
  }
  return MIX[0][0];
}

/** Sends one request of `kind` as `user` and updates what the user knows from the answer. */
async function act(agent: http.Agent, ctx: BenchContext, fx: Fixture, user: User, kind: Kind): Promise<Answer> {
  const api = `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}`;
  const page = (path: string) => send(agent, "GET", `${ctx.baseUrl}/p/${ctx.slug}${path}`, { cookie: user.cookie });
  const auth = { authorization: user.bearer };
  switch (kind) {
    case "tick": {
      // Each pass over the user's items ticks them done, the next reopens them: it never runs dry.
      const item = user.ticks[user.tickAt % user.ticks.length];
      const done = Math.floor(user.tickAt / user.ticks.length) % 2 === 0;
      user.tickAt++;
      const body = done ? { state: "done", evidenceUrl: "https://ci.example/bench/mixed" } : { state: "open" };
      return send(agent, "PATCH", `${api}/slices/${item.sliceId}/checklist/${item.id}`, auth, JSON.stringify(body));
    }
    case "stage_move": {
      const m = user.move;
      const back = m.stage === m.home;
      const to = back ? STAGES[stageIndex(m.home) - 1] : m.home;
      const body = { to, expectedVersion: m.version, ...(back ? { reason: "bench: latency over budget", signal: "latency" } : {}) };
      const res = await send(agent, "POST", `${api}/slices/${m.id}/stage`, auth, JSON.stringify(body), true);
      if (res.status === 200) {
        const slice = JSON.parse(res.body) as { stage: Stage; version: number };
        m.stage = slice.stage;
        m.version = slice.version;
      } else if (res.status === 409) {
        // As a person would: reload the slice and decide again on the next move.
        const fresh = await send(agent, "GET", `${api}/slices/${m.id}`, auth, undefined, true);
        if (fresh.status === 200) ({ stage: m.stage, version: m.version } = JSON.parse(fresh.body) as { stage: Stage; version: number });
      }
      return res;
    }
    case "slice_api":
      return send(agent, "GET", `${api}/slices/${user.rng.pick(fx.sliceIds)}`, auth);
    case "events_api": {
      // A poller reads what happened since the last event it saw.
      const res = await send(agent, "GET", `${api}/events?afterId=${user.afterId}&limit=100`, auth, undefined, true);
      if (res.status === 200) {
        const events = JSON.parse(res.body) as { id: number }[];
        if (events.length > 0) user.afterId = events[events.length - 1].id;
      }
      return res;
    }
    case "services_api":
      return send(agent, "GET", `${api}/services`, auth);
    case "overview_page":
      return page("");
    case "services_page": {
      const filter = user.rng.chance(0.1) ? `team=${encodeURIComponent(fx.team)}` : user.rng.pick(SERVICE_FILTERS);
      return page(`/services${filter ? `?${filter}` : ""}`);
    }
    case "slice_page":
      return page(`/slices/${user.rng.pick(fx.sliceIds)}`);
    case "wave_board_page":
      return page("/waves");
  }
}

type Sample = { kind: Kind; ms: number; status: number };
/** Any answer but 2xx/3xx is an error, except 409: a conflict is an expected answer. */
const isError = (status: number) => !(status >= 200 && status < 400) && status !== 409;

/**
 * Every user sends on its own fixed schedule (together, `rate` requests/s), one request in
 * flight: the think time is what is left of its interval. A user whose answer came after its
 * next slot sends at once and skips the slots it missed, so a slow server shows as fewer
 * requests per second (and `missedSlots`), not as a queue that grows for the whole run.
 */
async function drive(ctx: BenchContext, fx: Fixture, seconds: number, rate: number) {
  // Idle sockets are dropped after 4 s, before the server's keep-alive timeout (Node's 5 s)
  // closes them: reusing one the server is closing would be a reset counted as an error.
  const agent = new http.Agent({ keepAlive: true, maxSockets: USERS, timeout: 4000 });
  const interval = (1000 * USERS) / rate;
  const samples: Sample[] = [];
  const errorSamples: Record<string, string> = {};
  let missedSlots = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  try {
    await Promise.all(fx.users.map(async (user, u) => {
      let due = t0 + (interval * u) / USERS;
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const kind = pickKind(user.rng);
        const start = performance.now();
        const { status, body } = await act(agent, ctx, fx, user, kind);
        const now = performance.now();
        samples.push({ kind, ms: now - start, status });
        // The first answer of each unexpected kind and status, to say what went wrong.
        const key = `${kind} ${status}`;
        if (isError(status) && !(key in errorSamples)) errorSamples[key] = body.slice(0, 300);
        due += interval;
        if (due < now) {
          const behind = Math.ceil((now - due) / interval);
          missedSlots += behind;
          due += behind * interval;
        }
      }
    }));
  } finally {
    agent.destroy();
  }
  return { samples, seconds: (performance.now() - t0) / 1000, missedSlots, errorSamples };
}

function latency(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: ms.length, p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), p99Ms: round(percentile(ms, 99)), maxMs: round(ms[ms.length - 1] ?? NaN) };
}

async function benchMixed(ctx: BenchContext) {
  const fx = await prepare(ctx);
  // Unrecorded: opens every pooled connection and loads every route in the server.
  if (WARMUP_SECONDS > 0) await drive(ctx, fx, WARMUP_SECONDS, RATE);
  const cpu0 = process.cpuUsage();
  const { samples, seconds, missedSlots, errorSamples } = await drive(ctx, fx, SECONDS, RATE);
  const cpu = process.cpuUsage(cpu0);
  const failed = samples.filter((s) => isError(s.status));
  const errorsByStatus: Record<string, number> = {};
  for (const s of failed) errorsByStatus[`${s.kind} ${s.status}`] = (errorsByStatus[`${s.kind} ${s.status}`] ?? 0) + 1;
  const byClass = (c: Class) => latency(samples.filter((s) => classOf(s.kind) === c));
  const byKind = Object.fromEntries(MIX.map(([k]) => [k, latency(samples.filter((s) => s.kind === k))]));
  return {
    target: TARGET,
    users: USERS,
    offeredPerSecond: RATE,
    seconds: round(seconds),
    n: samples.length,
    perSecond: Math.round(samples.length / seconds),
    missedSlots,
    // This process's share of one core: the load generator must stay light beside the server.
    clientCpuPercent: Math.round((cpu.user + cpu.system) / 1e4 / seconds),
    writes: byClass("writes"),
    pages: byClass("pages"),
    apiReads: byClass("apiReads"),
    errors: failed.length,
    conflicts409: samples.filter((s) => s.status === 409).length,
    // A page answering with a redirect is most likely a lost session: not an error, but shown.
    redirects: samples.filter((s) => s.status >= 300 && s.status < 400).length,
    errorsByStatus,
    errorSamples,
    byKind,
    mix: Object.fromEntries(MIX),
  };
}

export const mixedBenchmarks: Benchmark[] = [{ name: "mixed_load", run: benchMixed }];
