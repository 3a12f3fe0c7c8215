/**
 * What an import would do to a programme: per teams, services and dependencies, what it
 * creates, updates (field by field), leaves unchanged, and what exists now but is missing from
 * the file (removal candidates, applied only when the user confirms them). Upsert by name.
 */
import {
  SERVICE_DEFAULTS,
  SERVICE_FIELDS,
  type Inventory,
  type InventoryDependency,
  type InventoryService,
  type InventoryTeam,
  type ServiceField,
} from "./model";

/** One field an update changes: its value now and in the file. */
export type FieldChange<F extends string = string> = { field: F; from: unknown; to: unknown };

export type TeamDiff = {
  create: InventoryTeam[];
  update: { name: string; changes: FieldChange<"contactChannel">[] }[];
  unchanged: string[];
  remove: string[];
};
export type ServiceDiff = {
  create: InventoryService[];
  update: { name: string; changes: FieldChange<ServiceField>[] }[];
  unchanged: string[];
  remove: string[];
};
export type DependencyDiff = {
  create: InventoryDependency[];
  update: { from: string; to: string; changes: FieldChange<"kind">[] }[];
  unchanged: { from: string; to: string }[];
  remove: InventoryDependency[];
};
export type InventoryDiff = { teams: TeamDiff; services: ServiceDiff; dependencies: DependencyDiff };

// null, undefined and [] are all "none"; lists are sets, so neither order nor a repeated
// entry is a change (the database may hold a duplicate that a file, deduplicated, cannot).
function same(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (!Array.isArray(x) && !Array.isArray(y)) return x === y;
  const xs = (x as unknown[] | null) ?? [];
  const ys = (y as unknown[] | null) ?? [];
  // Most lists are equal in the same order: check that before building sets.
  if (xs.length === ys.length && xs.every((v, i) => v === ys[i])) return true;
  const sx = new Set(xs.map(String));
  const sy = new Set(ys.map(String));
  return sx.size === sy.size && [...sx].every((v) => sy.has(v));
}

const DEFAULTS: Partial<Record<ServiceField, unknown>> = SERVICE_DEFAULTS;

/** Compare the programme's inventory with a file's; fields the file does not describe are never changes. */
export function diffInventory(current: Inventory, incoming: Inventory): InventoryDiff {
  const coverage = incoming.coverage ?? { teams: true, dependencies: true };

  const services: ServiceDiff = { create: [], update: [], unchanged: [], remove: [] };
  const currentServices = new Map(current.services.map((s) => [s.name, s]));
  const incomingNames = new Set<string>();
  for (const s of incoming.services) {
    incomingNames.add(s.name);
    const now = currentServices.get(s.name);
    if (!now) {
      services.create.push(s);
      continue;
    }
    const changes: FieldChange<ServiceField>[] = [];
    for (const field of SERVICE_FIELDS) {
      const to = s[field];
      if (to === undefined) continue;
      // What the programme holds, with the defaults a create would have given it.
      const from = now[field] ?? DEFAULTS[field] ?? null;
      if (!same(from, to)) changes.push({ field, from, to });
    }
    if (changes.length) services.update.push({ name: s.name, changes });
    else services.unchanged.push(s.name);
  }
  for (const s of current.services) if (!incomingNames.has(s.name)) services.remove.push(s.name);

  // A team a service names is part of the file even when the file has no entry for it.
  const fileTeams = new Map(incoming.teams.map((t) => [t.name, t]));
  for (const s of incoming.services) if (s.team && !fileTeams.has(s.team)) fileTeams.set(s.team, { name: s.team });
  const teams: TeamDiff = { create: [], update: [], unchanged: [], remove: [] };
  const currentTeams = new Map(current.teams.map((t) => [t.name, t]));
  for (const t of fileTeams.values()) {
    const now = currentTeams.get(t.name);
    if (!now) teams.create.push(t);
    else if (t.contactChannel !== undefined && !same(now.contactChannel, t.contactChannel)) {
      teams.update.push({ name: t.name, changes: [{ field: "contactChannel", from: now.contactChannel ?? null, to: t.contactChannel }] });
    } else teams.unchanged.push(t.name);
  }
  if (coverage.teams) for (const t of current.teams) if (!fileTeams.has(t.name)) teams.remove.push(t.name);

  const dependencies: DependencyDiff = { create: [], update: [], unchanged: [], remove: [] };
  // Nested maps by from then to: no key strings to build for 15,000 edges.
  const currentDeps = new Map<string, Map<string, InventoryDependency>>();
  for (const d of current.dependencies) {
    const targets = currentDeps.get(d.from);
    if (targets) targets.set(d.to, d);
    else currentDeps.set(d.from, new Map([[d.to, d]]));
  }
  const matched = new Set<InventoryDependency>();
  for (const d of incoming.dependencies) {
    const now = currentDeps.get(d.from)?.get(d.to);
    if (!now) {
      dependencies.create.push(d);
      continue;
    }
    matched.add(now);
    if (now.kind !== d.kind) dependencies.update.push({ from: d.from, to: d.to, changes: [{ field: "kind", from: now.kind, to: d.kind }] });
    else dependencies.unchanged.push({ from: d.from, to: d.to });
  }
  // Only a service the file lists speaks for its dependencies; the edges of a service missing
  // from the file go with it if its removal is confirmed, so they are not listed twice.
  if (coverage.dependencies) {
    for (const d of current.dependencies) if (incomingNames.has(d.from) && !matched.has(d)) dependencies.remove.push(d);
  }
  return { teams, services, dependencies };
}

/** Totals for the import response `{ created, updated, unchanged }`, plus the removal candidates. */
export function summarizeDiff(diff: InventoryDiff): { created: number; updated: number; unchanged: number; removable: number } {
  const parts = [diff.teams, diff.services, diff.dependencies];
  const sum = (f: (p: (typeof parts)[number]) => number) => parts.reduce((n, p) => n + f(p), 0);
  return {
    created: sum((p) => p.create.length),
    updated: sum((p) => p.update.length),
    unchanged: sum((p) => p.unchanged.length),
    removable: sum((p) => p.remove.length),
  };
}
