/**
 * Seeds the large benchmark programme (or any smaller size): the estate and its history are
 * generated in memory with ids chosen up front, then written table by table in chunks, so
 * nothing is ever read back. One transaction: a failed seed leaves nothing half-written.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertRows } from "@/lib/db/bulk-insert";
import { AppError } from "@/lib/errors";
import { eventRow, insertEvents } from "@/lib/events/record";
import { DEFAULT_TEMPLATE } from "@/lib/checklists/default-template";
import { stageFromDb } from "@/lib/slices/stages";
import { createRng, type Rng } from "./prng";
import { commandsFor } from "./commands";
import { createDefaultTemplate, createProgramme, type Client } from "./factories";
import { DEMO_FACILITIES } from "./demo-data";
import { assertFeasible, generateDependencies, generateServices, generateSlices, generateTeams, LARGE, type GenService, type GenTeam, type LargeSize } from "./large-estate";
import { EXTRA_ITEMS, generateHistory, type WaveDates } from "./large-history";
import { isoDay } from "./history";

export { LARGE, type LargeSize } from "./large-estate";

export type SeedLargeOptions = { slug?: string; now?: Date; seed?: number };
export type LargeSummary = LargeSize & { slug: string; programmeId: string; facilities: number; users: number };

const DAY = 86_400_000;

/** Seeds a generated programme of exactly the given size (the benchmark size by default). */
export async function seedLargeProgramme(db: Db, size: LargeSize = LARGE, opts: SeedLargeOptions = {}): Promise<LargeSummary> {
  assertFeasible(size);
  const slug = opts.slug ?? "large";
  const now = opts.now ?? new Date();
  if (await db.programme.findUnique({ where: { slug }, select: { id: true } })) {
    throw new AppError("CONFLICT", `A programme with the slug "${slug}" already exists; seed the large programme into a fresh database.`);
  }
  // Minutes, not Prisma's default 5 s: the full size writes about 300,000 rows.
  return db.$transaction((tx) => writeLarge(tx, size, slug, now, opts.seed ?? 5000), { timeout: 600_000, maxWait: 30_000 });
}

async function writeLarge(db: Client, size: LargeSize, slug: string, now: Date, seed: number): Promise<LargeSummary> {
  const rng = createRng(seed);
  const teams = generateTeams(size.teams);
  const services = generateServices(rng, size.services, teams);
  const deps = generateDependencies(rng, services, size.dependencies);
  const slices = generateSlices(rng, services, size.slices, size.waves);
  const waves = waveDates(size.waves, now);
  const serviceRps = services.map((s) => (s.kind === "api" || s.kind === "web" || s.kind === "gateway" ? rng.int(5, 2000) : null));

  const programme = await createProgramme(db, {
    slug,
    name: `Large estate (${size.services} services)`,
    description: "Generated for benchmarks: a believable estate at the size of a large organisation.",
    targetDate: new Date(now.getTime() + 240 * DAY),
    createdAt: new Date(now.getTime() - 366 * DAY),
  });
  const programmeId = programme.id;
  await createDefaultTemplate(db, programmeId, { name: DEFAULT_TEMPLATE.name, items: [...DEFAULT_TEMPLATE.items, ...EXTRA_ITEMS] });

  const people = await writePeople(db, programmeId, slug, teams);
  const facilityIds = DEMO_FACILITIES.map(() => randomUUID());
  await db.facility.createMany({
    data: DEMO_FACILITIES.map((f, i) => ({ id: facilityIds[i], programmeId, key: f.key, name: f.name, description: f.description, ownerTeamId: teams[0]?.id ?? null, status: i < 6 ? "ready" : i < 8 ? "in_progress" : "not_started" })),
  });
  await db.wave.createMany({
    data: waves.map((w, i) => ({ id: w.id, programmeId, number: i + 1, name: `Wave ${i + 1}`, goal: `Move the slices at dependency depth ${i + 1} of ${waves.length}.`, plannedStart: w.start, plannedEnd: w.end })),
  });
  // Later waves need more of the platform: wave n requires the first n + 2 facilities.
  await db.waveFacility.createMany({ data: waves.flatMap((w, i) => facilityIds.slice(0, Math.min(facilityIds.length, i + 3)).map((facilityId) => ({ waveId: w.id, facilityId }))) });

  const history = generateHistory({
    rng,
    now,
    programmeId,
    services,
    slices,
    waves,
    teamIds: teams.map((t) => t.id),
    leads: people.leads,
    checklistItems: size.checklistItems,
    events: size.events,
    programmeCreated: eventRow(people.manager, { programmeId, entityType: "programme", entityId: programmeId, action: "programme.created", at: new Date(now.getTime() - 365 * DAY), after: { slug, name: programme.name, targetDate: isoDay(programme.targetDate) } }),
    serviceRps,
  });
  const updatedAt = now;
  // Raw SQL stores a stage under TrafficStage's @map label, the API's spelling ("10", not "pct10").
  await insertRows(db, "Slice", ["id", "programmeId", "name", "teamId", "waveId", "status", "stage", "plannedStart", "plannedEnd", "actualStart", "actualEnd", "rollbackPlan", "rollbackRehearsedAt", "version", "updatedAt"],
    history.slices.map((r) => ({ ...r, stage: r.stage && stageFromDb(r.stage), updatedAt })));
  await insertRows(db, "Service", [
    "id", "programmeId", "name", "teamId", "kind", "stateful", "shared", "dataStores", "sessionSticky", "configSources", "launchCommand", "buildCommand", "migrateCommand",
    "peakRps", "tier", "legacyPlatform", "targetCluster", "targetNamespace", "strategy", "repositoryUrl", "system", "tags", "sliceId", "updatedAt",
  ], serviceRows(rng, programmeId, services, deps, teams, slices.map((s) => s.id), serviceRps).map((r) => ({ ...r, updatedAt })));
  await insertRows(db, "Dependency", ["id", "programmeId", "fromId", "toId", "kind"], deps.map((d) => ({ id: d.id, programmeId, fromId: services[d.from].id, toId: services[d.to].id, kind: d.kind })));
  await insertRows(db, "ChecklistItem", ["id", "programmeId", "sliceId", "key", "title", "guidance", "category", "gateStage", "position", "state", "evidenceUrl", "reason", "doneById", "doneAt", "updatedAt"],
    history.items.map((r) => ({ ...r, gateStage: r.gateStage && stageFromDb(r.gateStage), updatedAt })));
  await insertEvents(db, history.events);

  return {
    slug,
    programmeId,
    teams: teams.length,
    services: services.length,
    dependencies: deps.length,
    slices: history.slices.length,
    waves: waves.length,
    checklistItems: history.items.length,
    events: history.events.length,
    facilities: facilityIds.length,
    users: people.count,
  };
}

/** Waves from a year ago to about six months ahead, back to back. */
function waveDates(count: number, now: Date): WaveDates[] {
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 365 * DAY;
  const length = Math.max(7, Math.floor(545 / Math.max(1, count))) * DAY;
  return Array.from({ length: count }, (_, i) => ({ id: randomUUID(), start: new Date(first + i * length), end: new Date(first + (i + 1) * length - DAY) }));
}

/** A manager, a viewer and one lead per team, so every tick and move has a person behind it. */
async function writePeople(db: Client, programmeId: string, slug: string, teams: GenTeam[]) {
  await db.team.createMany({ data: teams.map((t) => ({ id: t.id, programmeId, name: t.name, contactChannel: `#team-${t.slug}` })) });
  const person = (handle: string, name: string) => ({ id: randomUUID(), email: `${slug}-${handle}@bench.ferry.local`, name });
  const manager = person("manager", "Bench Manager");
  const viewer = person("viewer", "Bench Viewer");
  const leads = teams.map((t) => person(`lead-${t.slug}`, `${t.name} Lead`));
  const users = [manager, viewer, ...leads];
  const now = new Date();
  await insertRows(db, "User", ["id", "email", "name", "updatedAt"], users.map((u) => ({ ...u, updatedAt: now })));
  await insertRows(db, "Membership", ["userId", "programmeId", "role", "updatedAt"], users.map((u, i) => ({ userId: u.id, programmeId, role: i === 0 ? "manager" : i === 1 ? "viewer" : "lead", updatedAt: now })));
  await insertRows(db, "TeamMember", ["teamId", "userId", "isLead"], leads.map((u, i) => ({ teamId: teams[i].id, userId: u.id, isLead: true })));
  const actor = (u: { id: string; name: string }): Actor => ({ userId: u.id, name: u.name, isAdmin: false });
  return { manager: actor(manager), leads: leads.map(actor), count: users.length };
}

function serviceRows(rng: Rng, programmeId: string, services: GenService[], deps: ReturnType<typeof generateDependencies>, teams: GenTeam[], sliceIds: string[], rps: (number | null)[]): Prisma.ServiceCreateManyInput[] {
  const stores = new Map<number, string[]>();
  for (const d of deps) if (d.kind === "data") stores.set(d.from, [...(stores.get(d.from) ?? []), services[d.to].name]);
  return services.map((s, i) => {
    const team = teams[s.teamIndex];
    const used = stores.get(i) ?? [];
    const retained = s.isInfra && !s.shared && rng.chance(0.3);
    const tier = s.isInfra ? rng.int(1, 2) : rng.int(1, 4);
    return {
      id: s.id,
      programmeId,
      name: s.name,
      teamId: team.id,
      kind: s.kind,
      stateful: s.stateful,
      shared: s.shared,
      dataStores: used,
      sessionSticky: s.kind === "web" && s.stateful,
      configSources: s.isInfra ? ["files"] : rng.chance(0.3) ? ["env", "files"] : ["env"],
      ...commandsFor(s.stack, s.name, { kind: s.kind, hasSchema: used.length > 0 }),
      peakRps: rps[i],
      tier,
      legacyPlatform: s.isInfra ? "bare-metal" : rng.pick(["vm", "vm", "vm", "paas"]),
      targetCluster: retained ? null : rng.pick(["prod-eu-west-1", "prod-us-east-1"]),
      targetNamespace: retained ? null : team.slug,
      strategy: retained ? "retain" : s.isInfra ? "replatform" : rng.pick(["rehost", "rehost", "rehost", "replatform", "refactor"]),
      repositoryUrl: `https://git.example.com/${team.slug}/${s.name}`,
      system: team.slug,
      tags: [`tier-${tier}`, s.stack],
      sliceId: s.sliceIndex === null ? null : sliceIds[s.sliceIndex],
    };
  });
}
