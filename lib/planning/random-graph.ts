/**
 * Seeded random estates for the benchmark and the property tests: same seed, same graph.
 * Dependencies point from a service to one placed earlier in a random order, so the raw
 * graph is acyclic except for the back edges added on purpose to make cycles.
 */
import type { PlanDependency, PlanInput, PlanService, ServiceKind } from "./types";

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RandomEstateOptions = {
  services: number;
  dependencies: number;
  /** Share of shared infrastructure (datastores, queues, caches, shared services). */
  infraShare?: number;
  /** Back edges added between application services, each closing a cycle. */
  cycles?: number;
  teams?: number;
  /** Cuid-like ids (25 characters) as the database has them, or short ids for readable tests. */
  longIds?: boolean;
};

const APP_KINDS: readonly ServiceKind[] = ["api", "web", "worker", "cron", "gateway"];
const INFRA_KINDS: readonly ServiceKind[] = ["datastore", "queue", "cache", "api"];
const WORDS = ["orders", "payments", "ledger", "billing", "catalog", "search", "auth", "users", "cart", "shipping", "stock", "mail"];

function cuidLike(random: () => number): string {
  let id = "c";
  for (let i = 0; i < 24; i++) id += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)];
  return id;
}

function randomServices(random: () => number, options: RandomEstateOptions): PlanService[] {
  const teams = options.teams ?? Math.max(1, Math.round(options.services / 100));
  const infraShare = options.infraShare ?? 0.1;
  return Array.from({ length: options.services }, (_, i): PlanService => {
    const isInfra = random() < infraShare;
    const kind = isInfra ? INFRA_KINDS[Math.floor(random() * INFRA_KINDS.length)] : APP_KINDS[Math.floor(random() * APP_KINDS.length)];
    const name = `${WORDS[Math.floor(random() * WORDS.length)]}-${kind}-${i}`;
    const team = random() < 0.05 ? null : `team-${Math.floor(random() * teams)}`;
    // An infrastructure "api" is a shared service such as auth.
    return { id: options.longIds ? cuidLike(random) : `s${i}`, name, kind, shared: isInfra && kind === "api", team };
  });
}

/** A random estate: services, dependencies and nothing else (no slices, no options). */
export function randomEstate(seed: number, options: RandomEstateOptions): PlanInput {
  const random = seededRandom(seed);
  const services = randomServices(random, options);
  const n = services.length;
  const position = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [position[i], position[j]] = [position[j], position[i]];
  }
  const atPosition = new Array<number>(n);
  position.forEach((p, i) => (atPosition[p] = i));
  const dependencies: PlanDependency[] = [];
  const cycles = Math.min(options.cycles ?? 0, options.dependencies);
  while (dependencies.length < options.dependencies - cycles && n > 1) {
    const from = Math.floor(random() * n);
    if (position[from] === 0) continue;
    const to = atPosition[Math.floor(random() * position[from])];
    dependencies.push({ from: services[from].id, to: services[to].id });
  }
  const isApp = (i: number) => !services[i].shared && APP_KINDS.includes(services[i].kind);
  const byId = new Map(services.map((service, i) => [service.id, i]));
  // Close each cycle over a short span of the order, so it stays a few services rather than
  // swallowing everything between its ends.
  const shortAppEdges = dependencies.filter((d) => {
    const from = byId.get(d.from)!;
    const to = byId.get(d.to)!;
    return isApp(from) && isApp(to) && position[from] - position[to] <= Math.max(3, n / 500);
  });
  for (let c = 0; c < cycles && shortAppEdges.length > 0; c++) {
    const edge = shortAppEdges[Math.floor(random() * shortAppEdges.length)];
    dependencies.push({ from: edge.to, to: edge.from });
  }
  return { services, dependencies };
}

/** A copy with services, dependencies and slices in a shuffled order (the plan must not change). */
export function shuffledInput(input: PlanInput, seed: number): PlanInput {
  const random = seededRandom(seed);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return {
    ...input,
    services: shuffle(input.services),
    dependencies: shuffle(input.dependencies),
    slices: input.slices ? shuffle(input.slices.map((slice) => ({ ...slice, serviceIds: shuffle(slice.serviceIds) }))) : undefined,
  };
}
