import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import type { Db } from "@/lib/db";
import { stageFromDb, type Stage } from "@/lib/slices/stages";
import { seedDemoProgramme, seedLargeProgramme, type LargeSize } from "@/lib/seed";
import { cyclesOf, openGatesAt, replayStages } from "./test-helpers";

const NOW = new Date("2026-05-13T15:30:00Z");
const TINY: LargeSize = { services: 60, dependencies: 120, slices: 20, waves: 4, checklistItems: 700, events: 2500, teams: 5 };

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t?.close());

async function programmeId(db: Db, slug: string) {
  return (await db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Every slice replays to its stage, and no slice stands at a stage an open item gates. */
async function expectConsistentSlices(db: Db, id: string) {
  const slices = await db.slice.findMany({ where: { programmeId: id }, include: { checklistItems: true } });
  const events = await db.event.findMany({ where: { programmeId: id, entityType: "slice" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  for (const slice of slices) {
    const stage = stageFromDb(slice.stage);
    const own = events.filter((e) => e.entityId === slice.id);
    expect(replayStages(own), slice.name).toBe(stage);
    const last = own.at(-1)?.after as { status?: string } | undefined;
    expect(last?.status ?? "planned", slice.name).toBe(slice.status);
    const items = slice.checklistItems.map((it) => ({ key: it.key, state: it.state, gateStage: it.gateStage ? stageFromDb(it.gateStage) : null }));
    expect(openGatesAt(items, stage), `${slice.name} at ${stage}`).toEqual([]);
  }
  return slices;
}

describe("seedDemoProgramme", () => {
  const slug = uniqueSlug("demo");
  let id: string;
  beforeAll(async () => {
    await seedDemoProgramme(t.db, { now: NOW, slug });
    id = await programmeId(t.db, slug);
  });

  it("creates a programme of the advertised size", async () => {
    const where = { programmeId: id };
    const [programme, services, teams, slices, waves, facilities] = await Promise.all([
      t.db.programme.findUniqueOrThrow({ where: { id } }),
      t.db.service.findMany({ where }),
      t.db.team.count({ where }),
      t.db.slice.count({ where }),
      t.db.wave.findMany({ where, orderBy: { number: "asc" } }),
      t.db.facility.findMany({ where }),
    ]);
    expect(programme).toMatchObject({ name: "Legacy estate to Kubernetes", isDemo: true });
    expect(services.length).toBeGreaterThanOrEqual(36);
    expect(services.length).toBeLessThanOrEqual(44);
    expect([teams, slices, waves.length]).toEqual([6, 12, 4]);
    expect(waves[0].plannedEnd!.getTime()).toBeLessThan(NOW.getTime());
    expect(waves[3].plannedStart!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(new Set(facilities.map((f) => f.status))).toEqual(new Set(["ready", "in_progress", "not_started"]));
    for (const kind of ["api", "web", "worker", "cron", "gateway", "datastore", "queue", "cache"]) expect(services.some((s) => s.kind === kind), kind).toBe(true);
    expect(services.filter((s) => s.shared).map((s) => s.name)).toEqual(["auth-service"]);
  });

  it("has exactly one dependency cycle, of two or three services", async () => {
    const [services, deps] = await Promise.all([t.db.service.findMany({ where: { programmeId: id } }), t.db.dependency.findMany({ where: { programmeId: id } })]);
    const cycles = cyclesOf(services.map((s) => s.id), deps.map((d) => ({ from: d.fromId, to: d.toId })));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].length).toBeGreaterThanOrEqual(2);
    expect(cycles[0].length).toBeLessThanOrEqual(3);
    expect(new Set(deps.map((d) => d.kind))).toEqual(new Set(["sync", "async", "data"]));
  });

  it("has one rollback with its reason and signal, and a history that replays to every slice's state", async () => {
    const rollbacks = await t.db.event.findMany({ where: { programmeId: id, action: "slice.rolled_back" } });
    expect(rollbacks).toHaveLength(1);
    expect(rollbacks[0].after).toMatchObject({ stage: "0", status: "rolled_back", signal: "error_rate", reason: expect.stringMatching(/5xx/) });
    const slices = await expectConsistentSlices(t.db, id);
    const statuses = new Set<string>(slices.map((s) => s.status));
    for (const s of ["done", "live", "shifting", "parallel_run", "rolled_back", "preparing", "planned"]) expect(statuses.has(s), s).toBe(true);
    const stages = new Set<Stage>(slices.map((s) => stageFromDb(s.stage)));
    for (const s of ["1", "10", "50", "mirror"] as const) expect(stages.has(s), s).toBe(true);
  });

  it("dates six weeks of history in the past, starting with the programme's creation", async () => {
    const events = await t.db.event.findMany({ where: { programmeId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events[0].action).toBe("programme.created");
    const weeks = (NOW.getTime() - events[0].at.getTime()) / (7 * 86_400_000);
    expect(weeks).toBeGreaterThan(5.5);
    expect(weeks).toBeLessThan(6.5);
    expect(events.at(-1)!.at.getTime()).toBeLessThan(NOW.getTime());
  });

  it("records a tick event for every resolved item, some with evidence, some not applicable with a reason", async () => {
    const items = await t.db.checklistItem.findMany({ where: { programmeId: id } });
    const ticks = await t.db.event.findMany({ where: { programmeId: id, action: "checklist_item.ticked" } });
    const resolved = items.filter((it) => it.state !== "open");
    expect(ticks.map((e) => e.entityId).sort()).toEqual(resolved.map((it) => it.id).sort());
    expect(items.filter((it) => it.evidenceUrl?.startsWith("https://")).length).toBeGreaterThan(10);
    const na = items.filter((it) => it.state === "na");
    expect(na.length).toBeGreaterThanOrEqual(2);
    for (const it of na) expect(it.reason?.length).toBeGreaterThan(10);
    for (const it of resolved) expect(it.doneAt && it.doneById).toBeTruthy();
  });

  it("creates the three personas with their roles", async () => {
    // Demo users are shared by every demo programme in the database: count this programme's teams only.
    const members = await t.db.membership.findMany({ where: { programmeId: id }, include: { user: { include: { teamMembers: { where: { team: { programmeId: id } } } } } } });
    const role = (email: string) => members.find((m) => m.user.email === email);
    expect(role("demo-manager@ferry.local")?.role).toBe("manager");
    expect(role("demo-viewer@ferry.local")?.role).toBe("viewer");
    const lead = role("demo-lead@ferry.local");
    expect(lead?.role).toBe("lead");
    const leads = lead!.user.teamMembers.filter((m) => m.isLead);
    expect(leads.length).toBeGreaterThanOrEqual(1);
    expect(leads.length).toBeLessThanOrEqual(2);
  });

  it("refuses to seed over an existing programme with the same slug", async () => {
    await expect(seedDemoProgramme(t.db, { now: NOW, slug })).rejects.toThrow(/already exists/);
  });

  it("is deterministic: the same `now` gives the same data", async () => {
    const other = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { now: NOW, slug: other });
    const snapshot = async (pid: string) => {
      const items = await t.db.checklistItem.findMany({ where: { programmeId: pid }, include: { slice: { select: { name: true } } } });
      const events = await t.db.event.findMany({ where: { programmeId: pid }, orderBy: { id: "asc" } });
      // A tick's event names its slice by id, as live ticks do; ids differ between two seeds, names do not.
      const slices = await t.db.slice.findMany({ where: { programmeId: pid }, select: { id: true, name: true } });
      const byName = (json: string) => slices.reduce((text, s) => text.replaceAll(s.id, s.name), json);
      return {
        items: items.map((it) => [it.slice.name, it.key, it.state, it.doneAt?.toISOString(), it.evidenceUrl]).sort(),
        events: events.map((e) => [e.action, e.at.toISOString(), e.actorName, byName(JSON.stringify(e.after))]),
      };
    };
    const [a, b] = await Promise.all([snapshot(id), snapshot(await programmeId(t.db, other))]);
    expect(b.items).toEqual(a.items);
    expect(b.events).toEqual(a.events.map(([action, at, actor, after]) => [action, at, actor, action === "programme.created" ? after.replace(slug, other) : after]));
  });
});

describe("seedLargeProgramme", () => {
  it("produces exactly the requested counts, consistently", async () => {
    const slug = uniqueSlug("large");
    const summary = await seedLargeProgramme(t.db, TINY, { slug, now: NOW });
    const id = await programmeId(t.db, slug);
    const where = { programmeId: id };
    const counts = {
      services: await t.db.service.count({ where }),
      dependencies: await t.db.dependency.count({ where }),
      slices: await t.db.slice.count({ where }),
      waves: await t.db.wave.count({ where }),
      checklistItems: await t.db.checklistItem.count({ where }),
      events: await t.db.event.count({ where }),
      teams: await t.db.team.count({ where }),
    };
    expect(counts).toEqual(TINY);
    expect(summary).toMatchObject(TINY);
    const perSlice = await t.db.service.groupBy({ by: ["sliceId"], where: { ...where, sliceId: { not: null } }, _count: { _all: true } });
    expect(perSlice).toHaveLength(TINY.slices);
    for (const g of perSlice) expect(g._count._all).toBeLessThanOrEqual(4);
    await expectConsistentSlices(t.db, id);
  });

  it("refuses a size it cannot build", async () => {
    await expect(seedLargeProgramme(t.db, { ...TINY, slices: TINY.services + 1 }, { slug: uniqueSlug("large") })).rejects.toThrow(/slices/);
  });
});

// Regression: the demo wrote a datastore's stack twice into its tags ("postgres, postgres").
describe("demo tags", () => {
  it("has no service with a repeated tag", async () => {
    const t = await openTestDatabase();
    try {
      const slug = uniqueSlug("tags");
      await seedDemoProgramme(t.db, { slug });
      const services = await t.db.service.findMany({ where: { programme: { slug } }, select: { name: true, tags: true } });
      expect(services.length).toBeGreaterThan(30);
      expect(services.filter((s) => new Set(s.tags).size !== s.tags.length).map((s) => s.name)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
