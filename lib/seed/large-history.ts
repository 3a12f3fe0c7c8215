/**
 * A year of history for the large estate: where each slice stands, its checklist items and
 * the events that got it there, padded with realistic churn (items reopened and ticked
 * again, inventory syncs) to the exact event count asked for. Pure apart from random ids.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { eventRow, type EventRow } from "@/lib/events/record";
import { DEFAULT_TEMPLATE, itemsForSlice, sliceTraits, type TemplateItem } from "@/lib/checklists/default-template";
import { stageToDb, type Stage } from "@/lib/slices/stages";
import { checklistItemRow } from "./factories";
import { planTicks, replayMoves, straightJourney, tickEvent, type Move, type PlannedTick } from "./history";
import type { GenService, GenSlice } from "./large-estate";
import type { Rng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const x = (key: string, category: TemplateItem["category"], gateStage: Stage | null, title: string, guidance: string): TemplateItem => ({ key, title, guidance, category, appliesTo: "all", gateStage });

/** Programme-specific items a large organisation adds to the default template. */
export const EXTRA_ITEMS: TemplateItem[] = [
  x("image-scanned", "migrated", "mirror", "Image scanned: no critical CVEs", "The registry scan passes before anything runs in the cluster."),
  x("network-policy", "migrated", "10", "NetworkPolicy in place", "Ingress and egress are limited to the callers and dependencies on record."),
  x("slo-defined", "observable", "1", "SLO and error budget defined", "The objective the rollout is judged against is written down first."),
  x("runbook-updated", "safe_to_shift", "1", "On-call runbook updated", "The runbook names the new dashboards, alerts and the rollback."),
  x("capacity-review", "safe_to_shift", "50", "Capacity review with Platform", "Platform confirms node pools can absorb the slice at full load."),
  x("pen-test", "migrated", "100", "Penetration test signed off", "Security signs off the new exposure before the old path stops serving."),
  x("cost-labels", "migrated", null, "Cost allocation labels applied", "Team and product labels let finance attribute the new spend."),
  x("tracing-enabled", "observable", null, "Traces exported", "Spans reach the tracing backend with the service name set."),
  x("docs-updated", "retired", null, "Docs point at the new home", "Service docs and the catalogue entry describe the Kubernetes deployment."),
];

export type WaveDates = { id: string; start: Date; end: Date };

export type HistoryInput = {
  rng: Rng;
  now: Date;
  programmeId: string;
  services: GenService[];
  slices: GenSlice[];
  waves: WaveDates[];
  teamIds: string[];
  /** The acting lead of each team, by team index. */
  leads: Actor[];
  checklistItems: number;
  events: number;
  programmeCreated: EventRow;
  serviceRps: (number | null)[];
};

export type HistoryRows = {
  slices: Prisma.SliceCreateManyInput[];
  items: Prisma.ChecklistItemCreateManyInput[];
  events: EventRow[];
};

type Target = { status: SliceStatus; stage: Stage };

function pickTarget(rng: Rng, wave: WaveDates, now: Date): Target {
  const r = rng.next();
  if (wave.end.getTime() < now.getTime()) {
    if (r < 0.72) return { status: "done", stage: "100" };
    if (r < 0.88) return { status: "live", stage: "100" };
    if (r < 0.94) return { status: "shifting", stage: "50" };
    if (r < 0.97) return { status: "rolled_back", stage: "0" };
    return { status: "on_hold", stage: "10" };
  }
  if (wave.start.getTime() <= now.getTime()) {
    if (r < 0.12) return { status: "shifting", stage: "1" };
    if (r < 0.24) return { status: "shifting", stage: "10" };
    if (r < 0.34) return { status: "shifting", stage: "50" };
    if (r < 0.52) return { status: "parallel_run", stage: "mirror" };
    if (r < 0.72) return { status: "preparing", stage: "0" };
    if (r < 0.86) return { status: "live", stage: "100" };
    if (r < 0.92) return { status: "done", stage: "100" };
    return { status: "rolled_back", stage: "0" };
  }
  return r < 0.85 ? { status: "planned", stage: "0" } : { status: "preparing", stage: "0" };
}

const SIGNALS = [
  { signal: "error_rate", reason: "5xx rate above the rollback threshold", observed: "3.1% 5xx vs 0.2% baseline" },
  { signal: "latency", reason: "p99 latency above the SLO", observed: "p99 2.4 s vs 600 ms" },
  { signal: "other", reason: "Downstream partner reported duplicate messages", observed: "duplicate deliveries in the partner feed" },
] as const;

function journey(rng: Rng, target: Target, wave: WaveDates, now: Date): Move[] {
  if (target.status === "planned") return [];
  const yearAgo = now.getTime() - 365 * DAY;
  const start = new Date(Math.min(Math.max(wave.start.getTime() - rng.int(0, 14) * DAY, yearAgo + DAY), now.getTime() - rng.int(3, 20) * DAY));
  const climbTo: Stage = target.status === "rolled_back" ? rng.pick(["1", "10"] as const) : target.stage;
  const steps = (target.stage === "0" && target.status !== "rolled_back" ? 0 : ["0", "mirror", "1", "10", "50", "100"].indexOf(climbTo)) + 2;
  const room = (now.getTime() - 6 * HOUR - start.getTime()) / HOUR / (steps + 1);
  const stepHours = Math.max(1, Math.min(rng.int(24, 240), room));
  if (target.status === "preparing") return [{ kind: "status", at: start, to: "preparing" }];
  const moves = straightJourney(start, stepHours, climbTo, target.status === "done" ? "done" : undefined);
  const after = new Date(moves[moves.length - 1].at.getTime() + stepHours * HOUR);
  if (target.status === "rolled_back") moves.push({ kind: "rollback", at: after, to: "0", ...rng.pick(SIGNALS) });
  if (target.status === "on_hold") moves.push({ kind: "status", at: after, to: "on_hold" });
  return moves;
}

/** The slice's items: the template items that apply, then extras, to exactly `count`. */
function itemsFor(count: number, traits: ReturnType<typeof sliceTraits>): TemplateItem[] {
  const applicable = [...itemsForSlice(DEFAULT_TEMPLATE, traits), ...EXTRA_ITEMS];
  if (count <= applicable.length) {
    // Keep the retirement items when trimming: without them a slice could never be done.
    const retired = applicable.filter((it) => it.category === "retired").slice(0, count);
    const rest = applicable.filter((it) => it.category !== "retired").slice(0, count - retired.length);
    return [...rest, ...retired];
  }
  const numbered = Array.from({ length: count - applicable.length }, (_, i) => x(`custom-${i + 1}`, "migrated", null, `Programme check ${i + 1}`, "A check this programme added for its own needs."));
  return [...applicable, ...numbered];
}

/** Slices with their final state, their items, and exactly `events` events. */
export function generateHistory(input: HistoryInput): HistoryRows {
  const { rng, now, programmeId, services, slices, waves, leads } = input;
  const events: EventRow[] = input.events > 0 ? [input.programmeCreated] : [];
  let budget = input.events - events.length;
  const sliceRows: Prisma.SliceCreateManyInput[] = [];
  const items: (Prisma.ChecklistItemCreateManyInput & { id: string; tickAt: Date | null; lead: Actor })[] = [];
  const perSlice = slices.length ? Math.floor(input.checklistItems / slices.length) : 0;
  const extra = slices.length ? input.checklistItems % slices.length : 0;

  slices.forEach((slice, s) => {
    const wave = waves[slice.wave - 1];
    const lead = leads[slice.teamIndex];
    const traits = sliceTraits(slice.services.map((i) => services[i]));
    const defs = itemsFor(perSlice + (s < extra ? 1 : 0), traits);
    const na = rng.chance(0.3) ? { "jobs-ported": "No schema migrations and no scheduled jobs." } : undefined;
    let moves = journey(rng, pickTarget(rng, wave, now), wave, now);
    let history = replayMoves(slice.id, moves);
    let ticks = planTicks(defs, history, { rng, now, na, aheadShare: 0.4 });
    // Out of event budget: the slice stays planned rather than breaking replay or gates.
    if (history.events.length + ticks.length > budget) {
      moves = [];
      history = replayMoves(slice.id, moves);
      ticks = [];
    }
    budget -= history.events.length + ticks.length;
    const byKey = new Map<string, PlannedTick>(ticks.map((t) => [t.key, t]));
    const rehearsed = byKey.get("rollback-rehearsed");
    sliceRows.push({
      id: slice.id,
      programmeId,
      name: slice.name,
      teamId: input.teamIds[slice.teamIndex],
      waveId: wave.id,
      status: history.status,
      stage: stageToDb(history.stage),
      plannedStart: wave.start,
      plannedEnd: wave.end,
      actualStart: history.startedAt,
      actualEnd: history.doneAt,
      rollbackPlan: "Set the rollout weight back to 0 so the legacy pool serves everything; confirm error rate and latency return to baseline.",
      rollbackRehearsedAt: rehearsed?.state === "done" ? rehearsed.at : null,
      version: moves.length + ticks.length,
    });
    for (const e of history.events) events.push(eventRow(lead, { ...e, programmeId }));
    defs.forEach((def, position) => {
      const tick = byKey.get(def.key);
      const id = randomUUID();
      const done = tick?.state === "done";
      const evidenceUrl = done && rng.chance(0.5) ? `https://git.example.com/${slice.name.replace(" slice", "")}/pull/${rng.int(10, 9999)}` : null;
      items.push({
        ...checklistItemRow(def, position, { programmeId, sliceId: slice.id }),
        id,
        state: tick?.state ?? "open",
        reason: tick?.reason ?? null,
        evidenceUrl,
        doneById: tick ? lead.userId : null,
        doneAt: tick?.at ?? null,
        tickAt: tick?.at ?? null,
        lead,
      });
      if (tick) {
        const to = tick.state === "na" ? { state: "na" as const, reason: tick.reason } : { state: "done" as const, evidenceUrl };
        events.push(eventRow(lead, { programmeId, ...tickEvent({ id, title: def.title, sliceId: slice.id }, { state: "open" }, to, tick.at) }));
      }
    });
  });

  padEvents(input, events, items, budget);
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  return { slices: sliceRows, items: items.map(({ tickAt: _t, lead: _l, ...row }) => row), events };
}

/** `k` sorted times in [from, to). */
function sortedTimes(rng: Rng, k: number, from: number, to: number): Date[] {
  return Array.from({ length: k }, () => from + Math.floor(rng.next() * Math.max(1, to - from))).sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * Fills the budget with churn that replays cleanly: an item ticked and reopened before its
 * final state, and inventory syncs whose last value is the service's current peak.
 */
function padEvents(input: HistoryInput, events: EventRow[], items: { id: string; title: string; sliceId: string; tickAt: Date | null; lead: Actor }[], budget: number) {
  const { rng, now, programmeId } = input;
  const from = now.getTime() - 365 * DAY;
  const pairs = items.length ? Math.floor((budget * 0.8) / 2) : 0;
  items.forEach((item, i) => {
    const k = Math.floor(pairs / items.length) + (i < pairs % items.length ? 1 : 0);
    if (k === 0) return;
    const until = item.tickAt ? item.tickAt.getTime() : now.getTime() - HOUR;
    const times = sortedTimes(rng, 2 * k, from, until);
    for (let j = 0; j < k; j++) {
      events.push(eventRow(item.lead, { programmeId, ...tickEvent(item, { state: "open" }, { state: "done" }, times[2 * j]) }));
      events.push(eventRow(item.lead, { programmeId, ...tickEvent(item, { state: "done" }, { state: "open" }, times[2 * j + 1]) }));
    }
  });
  const singles = budget - 2 * pairs;
  const sync: Actor = { userId: null, name: "CMDB sync", isAdmin: true };
  // A programme without traffic figures gets the syncs as imports that changed nothing, as a live import records them.
  const synced = input.services.map((svc, i) => ({ svc, rps: input.serviceRps[i] })).filter((x): x is { svc: GenService; rps: number } => x.rps !== null);
  if (synced.length === 0) {
    for (const at of sortedTimes(rng, singles, from, now.getTime() - HOUR)) {
      const unchanged = input.services.length;
      events.push(eventRow(sync, { programmeId, entityType: "programme", entityId: programmeId, action: "inventory.imported", at, after: { format: "csv", created: 0, updated: 0, unchanged, removed: 0 } }));
    }
    return;
  }
  synced.forEach(({ svc, rps }, i) => {
    const k = Math.floor(singles / synced.length) + (i < singles % synced.length ? 1 : 0);
    // Peak traffic creeps up sync after sync and ends at the value the service row holds.
    const value = (j: number) => (j < 0 ? Math.round(rps * 0.7) : j === k - 1 ? rps : Math.round(rps * (0.7 + (0.3 * (j + 1)) / k)));
    sortedTimes(rng, k, from, now.getTime() - HOUR).forEach((at, j) => {
      events.push(eventRow(sync, { programmeId, entityType: "service", entityId: svc.id, action: "service.updated", at, before: { peakRps: value(j - 1) }, after: { peakRps: value(j) } }));
    });
  });
}
