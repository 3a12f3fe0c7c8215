/**
 * Seeds the demo programme: six teams, about forty services, twelve slices in every state
 * and six weeks of history, so the product explains itself in one look. The data lives in
 * demo-data.ts; this file turns it into rows and events in one transaction.
 */
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DependencyKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { eventRow, insertEvents, type EventRow } from "@/lib/events/record";
import { DEFAULT_TEMPLATE, itemsForSlice, sliceTraits, type TemplateItem } from "@/lib/checklists/default-template";
import { stageToDb } from "@/lib/slices/stages";
import { createRng, type Rng } from "./prng";
import { isoDay, planTicks, replayMoves, tickEvent, type Move, type PlannedTick } from "./history";
import { addMembership, applyChecklist, createDefaultTemplate, createFacility, createProgramme, createService, createSlice, createTeam, createUser, createWave, type Client } from "./factories";
import { DEMO_DEPENDENCIES, DEMO_FACILITIES, DEMO_PEOPLE, DEMO_SERVICES, DEMO_SLICES, DEMO_TEAMS, DEMO_WAVES, type DemoService, type DemoStep, type TeamKey } from "./demo-data";
import { commandsFor } from "./commands";

export type SeedDemoOptions = { now?: Date; /** Tests seed side by side in one database. */ slug?: string };

export type SeedSummary = {
  slug: string;
  programmeId: string;
  teams: number;
  services: number;
  dependencies: number;
  slices: number;
  waves: number;
  checklistItems: number;
  facilities: number;
  events: number;
};

const DAY = 86_400_000;

/** Creates the demo programme; refuses if a programme with its slug already exists. */
export async function seedDemoProgramme(db: Db, opts: SeedDemoOptions = {}): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  const slug = opts.slug ?? "demo";
  const existing = await db.programme.findUnique({ where: { slug }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `A programme with the slug "${slug}" already exists; the demo seed only fills a database without one.`);
  // PGlite serves one query at a time, so a few hundred small writes need more than the default 5 s.
  return db.$transaction((tx) => writeDemo(tx, slug, now), { timeout: 120_000, maxWait: 30_000 });
}

async function writeDemo(tx: Client, slug: string, now: Date): Promise<SeedSummary> {
  const rng = createRng(20_240_601);
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const day = (d: number, hour = 10) => new Date(midnight + d * DAY + hour * 3_600_000);
  const date = (d: number) => new Date(midnight + d * DAY);

  // Rows date from the programme's start, so "added since" views agree with the history.
  const start = day(-42, 9);
  const programme = await createProgramme(tx, {
    slug,
    name: "Legacy estate to Kubernetes",
    description: "Move the shop's VMs, bare-metal databases and PaaS apps to Kubernetes, one reversible slice at a time.",
    targetDate: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 9, now.getUTCDate())),
    isDemo: true,
    createdAt: start,
  });
  const programmeId = programme.id;
  await createDefaultTemplate(tx, programmeId);

  const teamIds = {} as Record<TeamKey, string>;
  for (const [key, team] of Object.entries(DEMO_TEAMS) as [TeamKey, (typeof DEMO_TEAMS)[TeamKey]][]) {
    teamIds[key] = (await createTeam(tx, { programmeId, name: team.name, contactChannel: team.channel, createdAt: start })).id;
  }

  // Users are global: a database that already holds the personas (another demo) reuses them.
  // The demo manager is the deployment administrator, so a demo install needs no setup.
  const leads = {} as Record<TeamKey, Actor>;
  let manager: Actor | undefined;
  for (const person of DEMO_PEOPLE) {
    const membership = { programmeId, role: person.role, leadOf: person.leadOf.map((t) => teamIds[t]) };
    const found = await tx.user.findUnique({ where: { email: person.email }, select: { id: true } });
    const userId = found ? found.id : (await createUser(tx, { email: person.email, name: person.name, emailVerified: true, isAdmin: person.role === "manager" })).id;
    await addMembership(tx, userId, membership);
    const actor: Actor = { userId, name: person.name, isAdmin: false };
    if (person.role === "manager") manager ??= actor;
    for (const team of person.leadOf) leads[team] = actor;
  }

  const facilityIds = new Map<string, string>();
  for (const f of DEMO_FACILITIES) {
    const row = await createFacility(tx, { programmeId, key: f.key, name: f.name, description: f.description, status: f.status, ownerTeamId: teamIds[f.owner], notes: f.notes, createdAt: start });
    facilityIds.set(f.key, row.id);
  }
  const waves = new Map<number, { id: string; start: Date; end: Date }>();
  for (const w of DEMO_WAVES) {
    const row = await createWave(tx, { programmeId, number: w.number, name: w.name, goal: w.goal, plannedStart: date(w.startDay), plannedEnd: date(w.endDay), createdAt: start });
    await tx.waveFacility.createMany({ data: w.facilities.map((key) => ({ waveId: row.id, facilityId: facilityIds.get(key)! })) });
    waves.set(w.number, { id: row.id, start: date(w.startDay), end: date(w.endDay) });
  }

  const edges = parseDependencies();
  const serviceIds = new Map<string, string>();
  for (const svc of DEMO_SERVICES) {
    const row = await createService(tx, { ...serviceRow(svc, programmeId, teamIds[svc.team], edges), createdAt: start });
    serviceIds.set(svc.name, row.id);
  }
  await tx.dependency.createMany({
    data: edges.map((e) => ({ programmeId, fromId: serviceIds.get(e.from)!, toId: serviceIds.get(e.to)!, kind: e.kind, createdAt: start })),
  });

  const events: EventRow[] = [
    eventRow(manager!, { programmeId, entityType: "programme", entityId: programmeId, action: "programme.created", at: start, after: { slug, name: programme.name, targetDate: isoDay(programme.targetDate) } }),
  ];
  let checklistItems = 0;
  for (const spec of DEMO_SLICES) {
    const lead = leads[spec.team];
    const services = spec.services.map((name) => DEMO_SERVICES.find((s) => s.name === name)!);
    const traits = sliceTraits(services.map((s) => ({ kind: s.kind, stateful: Boolean(s.stateful) })));
    const moves = spec.journey.map((step) => toMove(step, day));
    // The slice row needs its final state, so the journey is replayed before the row exists;
    // its events get the slice id once it does.
    const history = replayMoves(spec.name, moves);
    const ticks = new Map(planTicks(itemsForSlice(DEFAULT_TEMPLATE, traits), history, { rng, now, na: spec.na, aheadShare: 0.5 }).map((t) => [t.key, t]));
    const wave = waves.get(spec.wave)!;
    const rehearsed = ticks.get("rollback-rehearsed");
    const slice = await createSlice(tx, {
      programmeId,
      name: spec.name,
      teamId: teamIds[spec.team],
      waveId: wave.id,
      serviceIds: spec.services.map((n) => serviceIds.get(n)!),
      status: history.status,
      stage: stageToDb(history.stage),
      plannedStart: wave.start,
      plannedEnd: wave.end,
      actualStart: history.startedAt,
      actualEnd: history.doneAt,
      rollbackPlan: rollbackPlan(services[0]),
      rollbackRehearsedAt: rehearsed?.state === "done" ? rehearsed.at : null,
      version: moves.length + ticks.size,
      createdAt: day(-41, 11),
    });
    const items = await applyChecklist(tx, slice, { traits, state: (it) => itemState(ticks.get(it.key), it, lead, services[0], spec.name, rng) });
    checklistItems += items.length;
    for (const e of history.events) events.push(eventRow(lead, { ...e, programmeId, entityId: slice.id }));
    for (const item of items) {
      const tick = ticks.get(item.key);
      if (!tick) continue;
      const to = tick.state === "na" ? { state: "na" as const, reason: tick.reason } : { state: "done" as const, evidenceUrl: item.evidenceUrl };
      events.push(eventRow(lead, { programmeId, ...tickEvent(item, { state: "open" }, to, tick.at) }));
    }
  }
  // Oldest first, so event ids follow time as they do for live writes.
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await insertEvents(tx, events);

  return {
    slug,
    programmeId,
    teams: Object.keys(teamIds).length,
    services: DEMO_SERVICES.length,
    dependencies: edges.length,
    slices: DEMO_SLICES.length,
    waves: DEMO_WAVES.length,
    checklistItems,
    facilities: DEMO_FACILITIES.length,
    events: events.length,
  };
}

type Edge = { from: string; to: string; kind: DependencyKind };

function parseDependencies(): Edge[] {
  return Object.entries(DEMO_DEPENDENCIES).flatMap(([from, list]) =>
    list.split(" ").map((entry) => {
      const [to, kind = "sync"] = entry.split(":");
      return { from, to, kind: kind as DependencyKind };
    }),
  );
}

function serviceRow(svc: DemoService, programmeId: string, teamId: string, edges: Edge[]): Prisma.ServiceUncheckedCreateInput {
  const namespace = svc.team;
  const stores = edges.filter((e) => e.from === svc.name && e.kind === "data").map((e) => e.to);
  const retained = svc.strategy === "retain";
  return {
    programmeId,
    teamId,
    name: svc.name,
    description: svc.description,
    kind: svc.kind,
    stateful: Boolean(svc.stateful),
    shared: Boolean(svc.shared),
    dataStores: [...stores, ...(svc.extraStores ?? [])],
    sessionSticky: Boolean(svc.sticky),
    configSources: svc.config,
    configNotes: svc.configNotes ?? null,
    ...commandsFor(svc.stack, svc.name, { kind: svc.kind, hasSchema: stores.length > 0 }),
    peakRps: svc.rps,
    tier: svc.tier,
    legacyPlatform: svc.legacy,
    // A retained service stays where it is; everything else lands in its team's namespace.
    targetCluster: retained ? null : "prod-eu-west-1",
    targetNamespace: retained ? null : namespace,
    strategy: svc.strategy ?? "rehost",
    repositoryUrl: `https://git.acme.example/${namespace}/${svc.name}`,
    system: svc.team === "platform" ? "platform" : namespace,
    // A set: a datastore's stack is often one of its tags too ("postgres").
    tags: [...new Set([`tier-${svc.tier}`, svc.stack, ...(svc.tags ?? [])])],
  };
}

function toMove(step: DemoStep, day: (d: number, hour?: number) => Date): Move {
  if ("to" in step) return { kind: "status", at: day(step.day, step.to === "done" ? 16 : 9), to: step.to };
  if ("stage" in step) return { kind: "stage", at: day(step.day), to: step.stage };
  return { kind: "rollback", at: day(step.day, 14), ...step.rollback };
}

function rollbackPlan(svc: DemoService): string {
  return `Abort the rollout so the legacy ${svc.legacy} pool serves all traffic for ${svc.name} again, then confirm on the dashboard that 5xx rate and p95 latency are back at baseline. The ${DEMO_TEAMS[svc.team].name} on-call decides; no data migration is reversed.`;
}

function itemState(tick: PlannedTick | undefined, item: TemplateItem, lead: Actor, svc: DemoService, sliceName: string, rng: Rng): Partial<Prisma.ChecklistItemCreateManyInput> | undefined {
  if (!tick) return undefined;
  if (tick.state === "na") return { state: "na", reason: tick.reason, doneById: lead.userId, doneAt: tick.at };
  return { state: "done", doneById: lead.userId, doneAt: tick.at, evidenceUrl: rng.chance(0.6) ? evidenceUrl(item, svc, sliceName, rng) : null };
}

function evidenceUrl(item: TemplateItem, svc: DemoService, sliceName: string, rng: Rng): string {
  const slug = sliceName.toLowerCase().replaceAll(" ", "-");
  switch (item.category) {
    case "migrated":
      return `https://git.acme.example/${svc.team}/${svc.name}/pull/${rng.int(120, 980)}`;
    case "observable":
      return `https://grafana.acme.example/d/${svc.name}/${item.key}`;
    case "retired":
      return `https://tickets.acme.example/browse/CHG-${rng.int(1000, 4999)}`;
    default:
      return `https://wiki.acme.example/runbooks/${slug}#${item.key}`;
  }
}
