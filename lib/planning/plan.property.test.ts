/**
 * Property tests on seeded random graphs (no extra libraries). Every plan without pins must
 * keep every dependency rule; the default plan must match a deliberately naive oracle
 * (transitive closure plus fixed-point iteration); capacity must never be exceeded or break
 * the order; and whatever a pin or a slice breaks must be reported.
 */
import { describe, expect, it } from "vitest";
import { planWaves } from "./plan";
import { seededRandom, shuffledInput } from "./random-graph";
import { wavesByService } from "./test-support";
import { isInfrastructure, type Plan, type PlanDependency, type PlanService, type PlanSliceInput, type ServiceKind } from "./types";

const KINDS: ServiceKind[] = ["api", "web", "worker", "cron", "gateway", "api", "api", "datastore", "queue", "cache"];

function randomGraph(seed: number, maxServices = 14): { services: PlanService[]; dependencies: PlanDependency[] } {
  const random = seededRandom(seed);
  const n = 1 + Math.floor(random() * maxServices);
  const services = Array.from({ length: n }, (_, i): PlanService => ({
    id: `id${i}`,
    name: `s${String(i).padStart(2, "0")}`,
    kind: KINDS[Math.floor(random() * KINDS.length)],
    shared: random() < 0.05,
    team: random() < 0.1 ? null : `t${Math.floor(random() * 3)}`,
  }));
  // Edges in any direction, so cycles (and cycles sharing services) are common.
  const dependencies = Array.from({ length: Math.floor(random() * n * 2) }, () => ({
    from: services[Math.floor(random() * n)].id,
    to: services[Math.floor(random() * n)].id,
  }));
  return { services, dependencies };
}

type Check = { a: string; b: string; holds: boolean; rule: string };

/** Every dependency rule of DOMAIN.md, per dependency, given each service's wave. */
function ruleChecks(services: PlanService[], dependencies: PlanDependency[], wave: Record<string, number>, sameCycle: (a: string, b: string) => boolean): Check[] {
  const byId = new Map(services.map((service) => [service.id, service]));
  const checks: Check[] = [];
  for (const { from, to } of dependencies) {
    const a = byId.get(from)!;
    const b = byId.get(to)!;
    if (a === b) continue;
    const [wa, wb] = [wave[a.name], wave[b.name]];
    if (sameCycle(a.name, b.name)) checks.push({ a: a.name, b: b.name, holds: wa === wb, rule: "a cycle moves in one wave" });
    else if (isInfrastructure(b) && !isInfrastructure(a)) checks.push({ a: a.name, b: b.name, holds: wb > wa, rule: "infrastructure after its users" });
    else checks.push({ a: a.name, b: b.name, holds: wa > wb, rule: "after what it depends on" });
  }
  return checks;
}

/** The naive oracle: ordering relation, its closure, then waves by fixed-point iteration. */
function oracleWaves(services: PlanService[], dependencies: PlanDependency[]): { wave: Record<string, number>; sameCycle: (a: string, b: string) => boolean } {
  const n = services.length;
  const index = new Map(services.map((service, i) => [service.id, i]));
  const infra = services.map(isInfrastructure);
  const before = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const { from, to } of dependencies) {
    const [a, b] = [index.get(from)!, index.get(to)!];
    if (a === b) continue;
    if (infra[b] && !infra[a]) before[a][b] = true;
    else before[b][a] = true;
  }
  const reach = before.map((row) => [...row]);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true;
  const together = (i: number, j: number) => i === j || (reach[i][j] && reach[j][i]);
  const wave = new Array<number>(n).fill(1);
  for (let changed = true; changed; ) {
    changed = false;
    const lastApp = Math.max(0, ...wave.filter((_, i) => !infra[i]));
    for (let x = 0; x < n; x++) {
      let need = infra[x] ? lastApp + 1 : 1;
      for (let y = 0; y < n; y++) {
        if (together(x, y)) need = Math.max(need, wave[y]);
        else if (before[y][x]) need = Math.max(need, wave[y] + 1);
      }
      if (need !== wave[x]) [wave[x], changed] = [need, true];
    }
  }
  const byName = new Map(services.map((service, i) => [service.name, i]));
  return {
    wave: Object.fromEntries(services.map((service, i) => [service.name, wave[i]])),
    sameCycle: (a, b) => together(byName.get(a)!, byName.get(b)!),
  };
}

function expectContiguous(plan: Plan) {
  expect(plan.waves.map((wave) => wave.number)).toEqual(plan.waves.map((_, i) => i + 1));
}

describe("planWaves on random graphs", () => {
  it("matches the oracle and keeps every rule in 300 default plans", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { services, dependencies } = randomGraph(seed);
      const plan = planWaves({ services, dependencies });
      const oracle = oracleWaves(services, dependencies);
      const waves = wavesByService(plan);
      expect(waves, `seed ${seed}`).toEqual(oracle.wave);
      const broken = ruleChecks(services, dependencies, waves, oracle.sameCycle).filter((check) => !check.holds);
      expect(broken, `seed ${seed}`).toEqual([]);
      const appWaves = services.filter((s) => !isInfrastructure(s)).map((s) => waves[s.name]);
      for (const s of services.filter(isInfrastructure)) expect(waves[s.name], `seed ${seed}: ${s.name} last`).toBeGreaterThan(Math.max(0, ...appWaves));
      expect(plan.violations, `seed ${seed}`).toEqual([]);
      expectContiguous(plan);
      for (const wave of plan.waves) expect(wave.slices.length, `seed ${seed}: wave ${wave.number} empty`).toBeGreaterThan(0);
      // Tightness, and the critical path's i-th service moves in wave i.
      expect(plan.criticalPath.map((name) => waves[name]), `seed ${seed}`).toEqual(plan.waves.map((wave) => wave.number));
      const groups = plan.cycles.flat();
      expect(new Set(groups).size, `seed ${seed}: cycles overlap`).toBe(groups.length);
      for (const cycle of plan.cycles) for (const name of cycle) expect(oracle.sameCycle(cycle[0], name)).toBe(true);
    }
  });

  it("never exceeds capacity nor breaks the order, and moves a slice only past full waves (200 plans)", () => {
    for (let seed = 1001; seed <= 1200; seed++) {
      const { services, dependencies } = randomGraph(seed, 20);
      const capacityPerTeam = 1 + (seed % 3);
      const plan = planWaves({ services, dependencies, options: { capacityPerTeam } });
      const waves = wavesByService(plan);
      const oracle = oracleWaves(services, dependencies);
      expect(ruleChecks(services, dependencies, waves, oracle.sameCycle).filter((check) => !check.holds), `seed ${seed}`).toEqual([]);
      expect(plan.violations, `seed ${seed}`).toEqual([]);
      expectContiguous(plan);
      const load = new Map<string, number>();
      for (const wave of plan.waves) for (const slice of wave.slices) if (slice.team) load.set(`${slice.team}@${wave.number}`, (load.get(`${slice.team}@${wave.number}`) ?? 0) + 1);
      for (const [key, count] of load) expect(count, `seed ${seed}: ${key}`).toBeLessThanOrEqual(capacityPerTeam);
      for (const wave of plan.waves) {
        for (const slice of wave.slices) {
          const moved = /^moved to wave (\d+): team (\S+) is at capacity \((\d+)\) in waves? (\d+)/.exec(slice.reason);
          if (!moved) continue;
          for (let w = Number(moved[4]); w < wave.number; w++) expect(load.get(`${moved[2]}@${w}`), `seed ${seed}: ${slice.name} pushed past wave ${w}`).toBe(capacityPerTeam);
        }
      }
    }
  });

  it("reports every rule a pin or a slice of several services breaks (200 plans)", () => {
    for (let seed = 2001; seed <= 2200; seed++) {
      const { services, dependencies } = randomGraph(seed);
      const random = seededRandom(seed * 7);
      const slices: PlanSliceInput[] = [];
      for (let i = 0; i < services.length; ) {
        const size = 1 + Math.floor(random() * 3);
        const members = services.slice(i, i + size).filter(() => random() < 0.7);
        i += size;
        if (members.length === 0) continue;
        const pinnedWave = random() < 0.3 ? 1 + Math.floor(random() * 4) : null;
        slices.push({ id: `slice${slices.length}`, name: `slice${slices.length}`, team: "core", serviceIds: members.map((m) => m.id), pinnedWave });
      }
      const input = { services, dependencies, slices };
      const plan = planWaves(input);
      const waves = wavesByService(plan);
      const sliceOf = new Map(plan.waves.flatMap((wave) => wave.slices.flatMap((slice) => slice.services.map((name) => [name, slice.id] as const))));
      const oracle = oracleWaves(services, dependencies);
      const broken = ruleChecks(services, dependencies, waves, oracle.sameCycle).filter((check) => !check.holds && sliceOf.get(check.a) !== sliceOf.get(check.b));
      for (const { a, b, rule } of broken) {
        const reported = plan.violations.some((violation) => ["pin", "order"].includes(violation.kind) && violation.services.includes(a) && violation.services.includes(b));
        expect(reported, `seed ${seed}: ${a} -> ${b} (${rule}) not reported`).toBe(true);
      }
      expectContiguous(plan);
      expect(JSON.stringify(planWaves(shuffledInput(input, seed))), `seed ${seed}: not deterministic`).toBe(JSON.stringify(plan));
    }
  });
});
