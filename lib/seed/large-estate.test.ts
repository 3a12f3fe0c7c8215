import { describe, expect, it } from "vitest";
import { eventRow } from "@/lib/events/record";
import { stageFromDb } from "@/lib/slices/stages";
import type { TrafficStage } from "@/lib/generated/prisma/enums";
import { createRng } from "./prng";
import { assertFeasible, generateDependencies, generateServices, generateSlices, generateTeams, LARGE, type LargeSize } from "./large-estate";
import { generateHistory } from "./large-history";
import { cyclesOf, openGatesAt, replayStages } from "./test-helpers";

const SMALL: LargeSize = { services: 400, dependencies: 1200, slices: 150, waves: 6, checklistItems: 4000, events: 12000, teams: 9 };
const now = new Date("2026-06-01T12:00:00Z");

function estate(size: LargeSize, seed = 7) {
  const rng = createRng(seed);
  const teams = generateTeams(size.teams);
  const services = generateServices(rng, size.services, teams);
  const deps = generateDependencies(rng, services, size.dependencies);
  const slices = generateSlices(rng, services, size.slices, size.waves);
  return { rng, teams, services, deps, slices };
}

describe("large estate generation", () => {
  it("refuses sizes it cannot build exactly", () => {
    expect(() => assertFeasible({ ...SMALL, slices: SMALL.services + 1 })).toThrow(/slices/);
    expect(() => assertFeasible({ ...SMALL, services: 10, slices: 5, dependencies: 100 })).toThrow(/dependencies/);
    expect(() => assertFeasible({ ...SMALL, slices: 0, checklistItems: 1 })).toThrow(/checklistItems/);
    expect(() => assertFeasible({ ...SMALL, teams: 1.5 })).toThrow(/whole number/);
    expect(() => assertFeasible(LARGE)).not.toThrow();
  });

  it("produces exactly the requested teams, services, dependencies and slices", () => {
    const { teams, services, deps, slices } = estate(SMALL);
    expect([teams.length, services.length, deps.length, slices.length]).toEqual([SMALL.teams, SMALL.services, SMALL.dependencies, SMALL.slices]);
    expect(new Set(teams.map((t) => t.name)).size).toBe(teams.length);
    expect(new Set(services.map((s) => s.name)).size).toBe(services.length);
    expect(new Set(deps.map((d) => `${d.from}>${d.to}`)).size).toBe(deps.length);
    expect(deps.every((d) => d.from !== d.to)).toBe(true);
  });

  it("has about 10% infrastructure and a graph that is a DAG apart from a few small cycles", () => {
    const { services, deps } = estate(SMALL);
    expect(services.filter((s) => s.isInfra).length).toBe(Math.round(SMALL.services * 0.1));
    const cycles = cyclesOf(services.map((s) => s.id), deps.map((d) => ({ from: services[d.from].id, to: services[d.to].id })));
    expect(cycles.length).toBeGreaterThanOrEqual(1);
    expect(cycles.length).toBeLessThanOrEqual(8);
    for (const c of cycles) expect(c.length).toBeLessThanOrEqual(3);
    // Stores depend on nothing: edges point down toward infrastructure.
    const stores = new Set(services.flatMap((s, i) => (s.isInfra && !s.shared ? [i] : [])));
    expect(deps.filter((d) => stores.has(d.from))).toEqual([]);
  });

  it("puts each service in at most one slice of 1-4 services from one team", () => {
    const { services, slices } = estate(SMALL);
    const seen = new Set<number>();
    for (const slice of slices) {
      expect(slice.services.length).toBeGreaterThanOrEqual(1);
      expect(slice.services.length).toBeLessThanOrEqual(4);
      for (const i of slice.services) {
        expect(seen.has(i)).toBe(false);
        seen.add(i);
        expect(services[i].teamIndex).toBe(slice.teamIndex);
        expect(services[i].sliceIndex).toBe(slices.indexOf(slice));
      }
      expect(slice.wave).toBeGreaterThanOrEqual(1);
      expect(slice.wave).toBeLessThanOrEqual(SMALL.waves);
    }
  });

  it("is deterministic for a seed", () => {
    const a = estate(SMALL, 11);
    const b = estate(SMALL, 11);
    expect(b.services.map((s) => s.name)).toEqual(a.services.map((s) => s.name));
    expect(b.deps.map((d) => [d.from, d.to, d.kind])).toEqual(a.deps.map((d) => [d.from, d.to, d.kind]));
    expect(b.slices.map((s) => s.services)).toEqual(a.slices.map((s) => s.services));
  });
});

describe("large history generation", () => {
  const { rng, teams, services, slices } = estate(SMALL);
  const DAY = 86_400_000;
  const waves = Array.from({ length: SMALL.waves }, (_, i) => ({ id: `w${i}`, start: new Date(now.getTime() - (300 - i * 80) * DAY), end: new Date(now.getTime() - (300 - i * 80 - 79) * DAY) }));
  const actor = { userId: "u1", name: "Lead", isAdmin: false };
  const history = generateHistory({
    rng, now, programmeId: "p1", services, slices, waves, teamIds: teams.map((t) => t.id), leads: teams.map(() => actor),
    checklistItems: SMALL.checklistItems, events: SMALL.events, serviceRps: services.map(() => 100),
    programmeCreated: eventRow(actor, { programmeId: "p1", entityType: "programme", entityId: "p1", action: "programme.created", at: new Date(now.getTime() - 365 * DAY), after: { slug: "p1", name: "P1", targetDate: null } }),
  });

  it("writes exactly the requested items and events, all in the past year", () => {
    expect(history.items).toHaveLength(SMALL.checklistItems);
    expect(history.events).toHaveLength(SMALL.events);
    for (const e of history.events) {
      expect((e.at as Date).getTime()).toBeLessThan(now.getTime());
      expect((e.at as Date).getTime()).toBeGreaterThanOrEqual(now.getTime() - 366 * DAY);
    }
  });

  it("keeps every slice consistent: replay ends at its stage, no gate open below it", () => {
    const moving = history.slices.filter((s) => s.status !== "planned");
    expect(moving.length).toBeGreaterThan(SMALL.slices / 3);
    for (const slice of history.slices) {
      const stage = stageFromDb(slice.stage as TrafficStage);
      const events = history.events.filter((e) => e.entityId === slice.id);
      expect(replayStages(events)).toBe(stage);
      const items = history.items.filter((it) => it.sliceId === slice.id).map((it) => ({ state: it.state as string, gateStage: it.gateStage ? stageFromDb(it.gateStage) : null }));
      expect(openGatesAt(items, stage)).toEqual([]);
    }
  });

  it("replays each item's ticks to its final state", () => {
    const last = new Map<string, string>();
    for (const e of [...history.events].sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime())) {
      if (e.action !== "checklist_item.ticked") continue;
      const before = (e.before as { state: string }).state;
      expect(before).toBe(last.get(e.entityId) ?? "open");
      last.set(e.entityId, (e.after as { state: string }).state);
    }
    for (const it of history.items) expect(last.get(it.id!) ?? "open").toBe(it.state);
  });
});
