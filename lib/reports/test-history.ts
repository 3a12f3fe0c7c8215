/**
 * A hand-built programme and its history for the report's unit tests: four slices over seven
 * weeks (UTC), with a rollback twice, a slice done then reopened, scope added mid-week, a
 * facility made ready and a week with no events. The current state is written by hand to be
 * what the events lead to, so the tests check the walk back against known past states.
 *
 * Weeks: W41 starts Mon 2026-10-05. Now is Wed 2026-11-25 (W48). W47 has no events.
 */
import type { Stage } from "@/lib/slices/stages";
import { readHistory, type CurrentState, type ItemState, type RawEvent } from "./history";
import type { ReportInput, ReportProgramme } from "./report";

export const at = (iso: string) => Date.parse(iso);

export const PROGRAMME: ReportProgramme = { id: "prog-1", slug: "shop", name: "Shop <migration>", targetDate: "2027-03-31", timeZone: "UTC" };
export const NOW = at("2026-11-25T12:00:00Z");

const standing = (stage: string, status: string) => ({ stage, status });

/** The events, oldest first, as the Event table holds them. */
export function scenarioEvents(): RawEvent[] {
  const rows: Omit<RawEvent, "id">[] = [
    { at: at("2026-10-05T09:00:00Z"), entityType: "programme", entityId: "prog-1", action: "programme.created", before: null, after: { slug: "shop", name: "Shop", targetDate: "2027-03-31" } },
    move("A", "2026-10-12T10:00:00Z", ["0", "planned"], ["mirror", "parallel_run"]),
    tick("a-probes", "A", "2026-10-13T10:00:00Z", "open", "done"),
    move("A", "2026-10-19T10:00:00Z", ["mirror", "parallel_run"], ["1", "shifting"]),
    move("B", "2026-10-20T10:00:00Z", ["0", "planned"], ["mirror", "parallel_run"]),
    tick("b-probes", "B", "2026-10-21T10:00:00Z", "open", "done"),
    move("A", "2026-10-26T10:00:00Z", ["1", "shifting"], ["10", "shifting"]),
    rollback("B", "2026-10-27T10:00:00Z", "5xx above 2%", "error_rate", "5.2% 5xx"),
    {
      at: at("2026-10-28T10:00:00Z"), entityType: "facility", entityId: "f-ingress", action: "facility.status_changed",
      before: { key: "ingress", status: "in_progress", ownerTeamId: "t-platform", notes: null }, after: { key: "ingress", status: "ready", ownerTeamId: "t-platform", notes: null },
    },
    move("A", "2026-11-02T10:00:00Z", ["10", "shifting"], ["50", "shifting"]),
    move("B", "2026-11-03T10:00:00Z", ["0", "rolled_back"], ["mirror", "parallel_run"]),
    move("A", "2026-11-04T10:00:00Z", ["50", "shifting"], ["100", "live"]),
    rollback("B", "2026-11-05T09:00:00Z", "p99 above the SLO", "latency", undefined),
    tick("a-retire", "A", "2026-11-05T10:00:00Z", "open", "done"),
    { at: at("2026-11-06T10:00:00Z"), entityType: "slice", entityId: "A", action: "slice.status_changed", before: standing("100", "live"), after: { ...standing("100", "done"), reason: "a checklist item was ticked" } },
    tick("a-retire", "A", "2026-11-10T10:00:00Z", "done", "open"),
    { at: at("2026-11-10T10:00:01Z"), entityType: "slice", entityId: "A", action: "slice.status_changed", before: standing("100", "done"), after: { ...standing("100", "live"), reason: "a checklist item was reopened" } },
    { at: at("2026-11-11T10:00:00Z"), entityType: "service", entityId: "s-ledger", action: "service.created", before: null, after: { name: "ledger-api", team: "payments", kind: "api", peakRps: 50 } },
    { at: at("2026-11-11T10:00:01Z"), entityType: "slice", entityId: "D", action: "slice.created", before: null, after: { name: "ledger", team: "payments", wave: 2, services: ["ledger-api"], by: "plan" } },
  ];
  return rows.map((r, i) => ({ id: i + 1, ...r }));
}

function move(slice: string, when: string, [fromStage, fromStatus]: string[], [toStage, toStatus]: string[]): Omit<RawEvent, "id"> {
  return { at: at(when), entityType: "slice", entityId: slice, action: "slice.stage_moved", before: standing(fromStage, fromStatus), after: { ...standing(toStage, toStatus), kind: "advance" } };
}

function rollback(slice: string, when: string, reason: string, signal: string, observed: string | undefined): Omit<RawEvent, "id"> {
  return {
    at: at(when), entityType: "slice", entityId: slice, action: "slice.rolled_back",
    before: standing("mirror", "parallel_run"), after: { ...standing("0", "rolled_back"), kind: "rollback", reason, signal, ...(observed ? { observed } : {}) },
  };
}

function tick(item: string, slice: string, when: string, from: string, to: string): Omit<RawEvent, "id"> {
  const gateStage = ITEMS.find((i) => i.id === item)?.gateStage ?? null;
  return { at: at(when), entityType: "checklist_item", entityId: item, action: "checklist_item.ticked", before: { state: from }, after: { state: to, title: item, sliceId: slice }, gateStage };
}

/** The checklist items now: their state and the stage each gates. */
const ITEMS: { id: string; sliceId: string; state: ItemState; gateStage: Stage | null }[] = [
  { id: "a-probes", sliceId: "A", state: "done", gateStage: "1" },
  { id: "a-retire", sliceId: "A", state: "open", gateStage: null },
  { id: "b-probes", sliceId: "B", state: "done", gateStage: "1" },
  { id: "b-alerts", sliceId: "B", state: "open", gateStage: "10" },
  { id: "c-probes", sliceId: "C", state: "open", gateStage: "1" },
  { id: "c-dash", sliceId: "C", state: "open", gateStage: "mirror" },
];

/** Items counted by slice, state and gate, as the loader groups them. */
export function countItems(items: readonly { sliceId: string; state: ItemState; gateStage: Stage | null }[]): CurrentState["checklist"] {
  const groups = new Map<string, CurrentState["checklist"][number]>();
  for (const i of items) {
    const key = `${i.sliceId}|${i.state}|${i.gateStage}`;
    const g = groups.get(key) ?? { sliceId: i.sliceId, state: i.state, gateStage: i.gateStage, count: 0 };
    g.count++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The programme now: what the events above lead to. */
export function scenarioCurrent(): CurrentState {
  const slice = (id: string, name: string, team: string, wave: number, stage: "0" | "100", status: "planned" | "live" | "rolled_back") => ({ id, name, team, wave, stage, status, plannedStart: null, plannedEnd: null });
  const service = (id: string, name: string, team: string, sliceId: string, peakRps: number) => ({ id, name, team, sliceId, peakRps, kind: "api" as const, shared: false });
  return {
    at: NOW,
    slices: [slice("A", "checkout", "payments", 1, "100", "live"), slice("B", "orders", "fulfilment", 1, "0", "rolled_back"), slice("C", "search", "discovery", 2, "0", "planned"), slice("D", "ledger", "payments", 2, "0", "planned")],
    services: [
      service("s-cart", "cart-api", "payments", "A", 100),
      service("s-checkout", "checkout-api", "payments", "A", 100),
      service("s-orders", "orders-api", "fulfilment", "B", 300),
      service("s-search", "search-api", "discovery", "C", 600),
      service("s-ledger", "ledger-api", "payments", "D", 50),
    ],
    dependencies: [{ from: "s-search", to: "s-orders" }],
    checklist: countItems(ITEMS),
    waves: [
      { id: "w1", number: 1, name: "Pilot", plannedStart: "2026-10-05", plannedEnd: "2026-10-25", facilities: ["ingress"] },
      { id: "w2", number: 2, name: null, plannedStart: "2026-11-02", plannedEnd: "2026-11-22", facilities: ["ingress", "monitoring"] },
    ],
    facilities: [
      { id: "f-ingress", key: "ingress", name: "Ingress", status: "ready", ownerTeamId: "t-platform" },
      { id: "f-monitoring", key: "monitoring", name: "Monitoring", status: "in_progress", ownerTeamId: null },
    ],
    teams: [{ id: "t-platform", name: "platform" }],
  };
}

/** The whole input of a report over the scenario; `events` replaces the history. */
export function scenarioInput(overrides: { events?: RawEvent[]; current?: CurrentState; now?: number; programme?: Partial<ReportProgramme> } = {}): ReportInput {
  return {
    programme: { ...PROGRAMME, ...overrides.programme },
    now: overrides.now ?? NOW,
    startedAt: at("2026-10-05T09:00:00Z"),
    current: overrides.current ?? scenarioCurrent(),
    history: readHistory(overrides.events ?? scenarioEvents()),
  };
}

export const NO_NOTES = { notes: "", asks: "", author: null, updatedAt: null };
