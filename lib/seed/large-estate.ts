/**
 * The shape of the large benchmark estate, generated in memory with ids we choose, so the
 * writer can bulk-insert every table without reading anything back. Pure and seeded: the
 * same size and seed give the same estate (ids aside).
 */
import { randomUUID } from "node:crypto";
import type { DependencyKind, ServiceKind } from "@/lib/generated/prisma/enums";
import { APP_STACKS, type AppStack, type InfraStack } from "./commands";
import type { Rng } from "./prng";

export type LargeSize = { services: number; dependencies: number; slices: number; waves: number; checklistItems: number; events: number; teams: number };

/** The benchmark size from the foundation issue. */
export const LARGE: LargeSize = { services: 5000, dependencies: 15000, slices: 2000, waves: 25, checklistItems: 60000, events: 200000, teams: 80 };

export type GenTeam = { id: string; name: string; slug: string };
export type GenService = {
  id: string;
  name: string;
  teamIndex: number;
  kind: ServiceKind;
  stack: AppStack | InfraStack;
  stateful: boolean;
  shared: boolean;
  /** Apps only depend on apps of a lower level; infrastructure sits below every level. */
  level: number;
  isInfra: boolean;
  sliceIndex: number | null;
};
export type GenDependency = { id: string; from: number; to: number; kind: DependencyKind };
export type GenSlice = { id: string; name: string; teamIndex: number; services: number[]; wave: number };

const DOMAINS = ["billing", "ledger", "catalogue", "search", "checkout", "orders", "shipping", "returns", "identity", "accounts", "loyalty", "pricing", "inventory", "warehouse", "reviews", "media", "content", "marketing", "analytics", "reporting", "fraud", "risk", "payments", "payouts", "tax", "invoicing", "support", "messaging", "notifications", "partners", "suppliers", "logistics", "fleet", "booking", "subscriptions", "gifting", "compliance", "audit", "documents", "scheduling"];
const NOUNS = ["core", "gateway", "profile", "events", "sync", "export", "import", "rules", "quotes", "ledger", "feed", "index", "router", "matcher", "scorer", "planner", "tracker", "archive", "reports", "hooks"];
const APP_KINDS: [ServiceKind, number][] = [["api", 0.42], ["web", 0.1], ["worker", 0.24], ["cron", 0.2], ["gateway", 0.04]];
const INFRA: [ServiceKind, InfraStack, string][] = [["datastore", "postgres", "db"], ["datastore", "postgres", "db"], ["datastore", "elasticsearch", "index"], ["queue", "rabbitmq", "queue"], ["cache", "redis", "cache"]];
const LEVELS = 7;

/** Throws when a size cannot be built exactly (more slices than services, and so on). */
export function assertFeasible(size: LargeSize): void {
  for (const [key, value] of Object.entries(size)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`size.${key} must be a whole number >= 0 (got ${value})`);
  }
  if (size.services > 0 && size.teams === 0) throw new Error("size.teams must be at least 1 when there are services");
  if (size.slices > size.services) throw new Error(`size.slices (${size.slices}) cannot exceed size.services (${size.services}): a service is in at most one slice`);
  if (size.slices > 0 && size.waves === 0) throw new Error("size.waves must be at least 1 when there are slices");
  if (size.checklistItems > 0 && size.slices === 0) throw new Error("size.checklistItems needs at least one slice to hold them");
  // Dependencies point down a layered graph; a quarter of all ordered pairs is far from full.
  const maxDeps = Math.floor((size.services * (size.services - 1)) / 4);
  if (size.dependencies > maxDeps) throw new Error(`size.dependencies (${size.dependencies}) is too many for ${size.services} services (at most ${maxDeps})`);
}

/** Teams with distinct, domain-like names. */
export function generateTeams(count: number): GenTeam[] {
  return Array.from({ length: count }, (_, i) => {
    const domain = DOMAINS[i % DOMAINS.length];
    const round = Math.floor(i / DOMAINS.length);
    const slug = round === 0 ? domain : `${domain}-${round + 1}`;
    const name = slug.charAt(0).toUpperCase() + slug.slice(1).replace("-", " ");
    return { id: randomUUID(), name, slug };
  });
}

function pickWeighted<T>(rng: Rng, table: [T, number][]): T {
  let r = rng.next();
  for (const [value, weight] of table) {
    if (r < weight) return value;
    r -= weight;
  }
  return table[table.length - 1][0];
}

/** About 10% infrastructure (stores, queues, caches, a few shared services), the rest apps. */
export function generateServices(rng: Rng, count: number, teams: GenTeam[]): GenService[] {
  const infraCount = Math.round(count * 0.1);
  const platformTeams = Math.max(1, Math.ceil(teams.length * 0.1));
  const taken = new Set<string>();
  const uniqueName = (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  };
  return Array.from({ length: count }, (_, i): GenService => {
    const isInfra = i < infraCount;
    if (isInfra) {
      // One infrastructure node in ten is a shared service (an auth service, say), not a store.
      const shared = i % 10 === 9;
      const teamIndex = rng.int(0, platformTeams - 1);
      const [kind, stack, suffix] = shared ? (["api", "java", "shared"] as const) : rng.pick(INFRA);
      const name = uniqueName(`${rng.pick(DOMAINS)}-${suffix}`);
      return { id: randomUUID(), name, teamIndex, kind, stack, stateful: !shared, shared, level: -1, isInfra: true, sliceIndex: null };
    }
    const teamIndex = rng.int(0, teams.length - 1);
    const kind = pickWeighted(rng, APP_KINDS);
    const suffix = kind === "api" || kind === "gateway" ? `-${kind}` : kind === "web" ? "-web" : kind === "cron" ? "-job" : "-worker";
    const name = uniqueName(`${teams[teamIndex].slug}-${rng.pick(NOUNS)}${suffix}`);
    // A few apps keep local state (sessions, spool directories): the stateful checklist extras apply.
    const stateful = rng.chance(kind === "web" ? 0.3 : 0.06);
    return { id: randomUUID(), name, teamIndex, kind, stack: rng.pick(APP_STACKS), stateful, shared: false, level: rng.int(0, LEVELS - 1), isInfra: false, sliceIndex: null };
  });
}

/**
 * Exactly `count` dependencies: apps call apps of lower levels or use infrastructure, shared
 * services use stores, and a few disjoint 2-3 service cycles sit within one level (so no
 * other edge can join them into a bigger cycle).
 */
export function generateDependencies(rng: Rng, services: GenService[], count: number): GenDependency[] {
  const deps: GenDependency[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number, kind: DependencyKind) => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key) || deps.length >= count) return false;
    seen.add(key);
    deps.push({ id: randomUUID(), from, to, kind });
    return true;
  };
  const apps = services.map((_, i) => i).filter((i) => !services[i].isInfra).sort((a, b) => services[a].level - services[b].level);
  const stores = services.map((_, i) => i).filter((i) => services[i].isInfra && !services[i].shared);
  const shared = services.map((_, i) => i).filter((i) => services[i].shared);
  const infra = [...stores, ...shared];
  // apps is sorted by level, so the apps below a level are a prefix of it.
  const belowCount = Array.from({ length: LEVELS }, (_, level) => apps.filter((i) => services[i].level < level).length);
  const below = (level: number) => belowCount[level];

  const cycles = apps.length >= 6 && count >= 6 ? Math.min(8, 1 + Math.floor(apps.length / 800)) : 0;
  const used = new Set<number>();
  for (let c = 0; c < cycles; c++) {
    const size = rng.chance(0.5) ? 2 : 3;
    const level = services[apps[rng.int(0, apps.length - 1)]].level;
    const members = apps.filter((i) => services[i].level === level && !used.has(i)).slice(0, size);
    if (members.length < 2 || deps.length + members.length > count) continue;
    members.forEach((m, k) => {
      used.add(m);
      add(m, members[(k + 1) % members.length], "sync");
    });
  }

  const storeKind = (to: number): DependencyKind => (services[to].kind === "queue" ? "async" : "data");
  for (let attempts = 0; deps.length < count; attempts++) {
    if (attempts > count * 50) throw new Error(`could not place ${count} dependencies among ${services.length} services`);
    if (shared.length && stores.length && rng.chance(0.02)) {
      add(rng.pick(shared), rng.pick(stores), "data");
      continue;
    }
    if (apps.length === 0) {
      // An estate of infrastructure only: shared services over stores is all there is.
      if (!shared.length || !stores.length) throw new Error("dependencies need at least one application service");
      add(rng.pick(shared), rng.pick(stores), "data");
      continue;
    }
    const from = apps[rng.int(0, apps.length - 1)];
    const lower = below(services[from].level);
    if (lower > 0 && (rng.chance(0.62) || infra.length === 0)) {
      add(from, apps[rng.int(0, lower - 1)], rng.chance(0.75) ? "sync" : "async");
    } else if (infra.length) {
      const to = rng.pick(infra);
      add(from, to, services[to].shared ? "sync" : storeKind(to));
    }
  }
  return deps;
}

/**
 * Exactly `count` slices of 1-4 services from one team each, then spread over the waves in
 * dependency order: low-level apps first, infrastructure last.
 */
export function generateSlices(rng: Rng, services: GenService[], count: number, waves: number): GenSlice[] {
  if (count === 0) return [];
  // Aim for about 2.5 services a slice, never more than the estate holds.
  const sizes = new Array<number>(count).fill(1);
  let extra = Math.min(services.length, Math.round(count * 2.5)) - count;
  while (extra > 0) {
    const i = rng.int(0, count - 1);
    if (sizes[i] < 4) {
      sizes[i]++;
      extra--;
    }
  }
  const order = services.map((_, i) => i).sort((a, b) => services[a].teamIndex - services[b].teamIndex || services[a].level - services[b].level);
  const slices: GenSlice[] = [];
  let p = 0;
  for (let s = 0; s < count; s++) {
    const first = order[p];
    const members = [first];
    p++;
    // Keep a slice within one team; a short slice leaves services for the ones after it.
    while (members.length < sizes[s] && p < order.length && services[order[p]].teamIndex === services[first].teamIndex && order.length - p > count - s - 1) {
      members.push(order[p]);
      p++;
    }
    for (const m of members) services[m].sliceIndex = s;
    const lead = services[first];
    slices.push({ id: randomUUID(), name: `${lead.name} slice`, teamIndex: lead.teamIndex, services: members, wave: 0 });
  }
  const rank = (sl: GenSlice) => Math.max(...sl.services.map((i) => (services[i].isInfra ? LEVELS : services[i].level)));
  [...slices].sort((a, b) => rank(a) - rank(b)).forEach((sl, i) => (sl.wave = Math.floor((i * waves) / count) + 1));
  return slices;
}
