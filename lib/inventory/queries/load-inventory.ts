/**
 * Reads a programme's inventory (teams, services, dependencies) into the normalised model the
 * import diff and the exports work on, with the database ids beside the names so an import
 * can write without reading anything again.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FullService, Inventory, InventoryDependency, InventoryTeam } from "../model";

/** The client of a transaction or the app's client: both can read. */
type Reader = Prisma.TransactionClient;

export const SERVICE_SELECT = {
  id: true,
  name: true,
  description: true,
  teamId: true,
  kind: true,
  stateful: true,
  shared: true,
  dataStores: true,
  sessionSticky: true,
  configSources: true,
  configNotes: true,
  launchCommand: true,
  buildCommand: true,
  migrateCommand: true,
  peakRps: true,
  tier: true,
  legacyPlatform: true,
  targetCluster: true,
  targetNamespace: true,
  strategy: true,
  repositoryUrl: true,
  system: true,
  tags: true,
  sliceId: true,
} as const satisfies Prisma.ServiceSelect;

export type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof SERVICE_SELECT }>;

/** The programme's inventory by name, plus name -> id maps for writing. */
export type LoadedInventory = Inventory & {
  serviceIds: Map<string, string>;
  teamIds: Map<string, string>;
  /** Database rows by service name, for updates that keep the fields a file does not describe. */
  serviceRows: Map<string, ServiceRow>;
  dependencyIds: Map<string, Map<string, string>>;
};

/** A service row as the normalised model sees it (team by name). */
export function rowToService(row: ServiceRow, teamName: (id: string | null) => string | null): FullService {
  return {
    name: row.name,
    description: row.description,
    team: teamName(row.teamId),
    kind: row.kind,
    stateful: row.stateful,
    shared: row.shared,
    dataStores: row.dataStores,
    sessionSticky: row.sessionSticky,
    configSources: row.configSources,
    configNotes: row.configNotes,
    launchCommand: row.launchCommand,
    buildCommand: row.buildCommand,
    migrateCommand: row.migrateCommand,
    peakRps: row.peakRps,
    tier: row.tier,
    legacyPlatform: row.legacyPlatform,
    targetCluster: row.targetCluster,
    targetNamespace: row.targetNamespace,
    strategy: row.strategy,
    repositoryUrl: row.repositoryUrl,
    system: row.system,
    tags: row.tags,
  };
}

/** Loads a programme's teams, services and dependencies (three queries, nothing per row). */
export async function loadInventory(db: Reader, programmeId: string): Promise<LoadedInventory> {
  const [teamRows, serviceRows, depRows] = await Promise.all([
    db.team.findMany({ where: { programmeId }, select: { id: true, name: true, contactChannel: true } }),
    db.service.findMany({ where: { programmeId }, select: SERVICE_SELECT }),
    db.dependency.findMany({ where: { programmeId }, select: { id: true, fromId: true, toId: true, kind: true } }),
  ]);
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const serviceName = new Map(serviceRows.map((s) => [s.id, s.name]));
  const teams: InventoryTeam[] = teamRows.map((t) => ({ name: t.name, contactChannel: t.contactChannel }));
  const services = serviceRows.map((r) => rowToService(r, (id) => (id ? (teamName.get(id) ?? null) : null)));
  const dependencies: InventoryDependency[] = [];
  const dependencyIds = new Map<string, Map<string, string>>();
  for (const d of depRows) {
    const from = serviceName.get(d.fromId)!;
    const to = serviceName.get(d.toId)!;
    dependencies.push({ from, to, kind: d.kind });
    const targets = dependencyIds.get(from) ?? new Map<string, string>();
    targets.set(to, d.id);
    dependencyIds.set(from, targets);
  }
  return {
    teams,
    services,
    dependencies,
    teamIds: new Map(teamRows.map((t) => [t.name, t.id])),
    serviceIds: new Map(serviceRows.map((s) => [s.name, s.id])),
    serviceRows: new Map(serviceRows.map((s) => [s.name, s])),
    dependencyIds,
  };
}
