/**
 * Planner benchmark: 10,000 services and 40,000 dependencies, timed against JSON.parse of
 * the same input. The ratio is the figure that matters (the plan should cost about as much
 * as reading the graph); the absolute target is 100 ms.
 */
import { planWaves } from "../lib/planning/plan";
import { randomEstate } from "../lib/planning/random-graph";
import type { PlanInput } from "../lib/planning/types";

export type PlannerBench = { name: "planner"; services: number; dependencies: number; p50Ms: number; jsonParseMs: number; ratio: number };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const round = (value: number): number => Math.round(value * 100) / 100;

/** Median timings of JSON.parse and planWaves on a seeded 10,000-service estate. */
export function benchPlanner(runs = 9, warmups = 3): PlannerBench {
  const input = randomEstate(20260501, { services: 10_000, dependencies: 40_000, infraShare: 0.1, cycles: 8, teams: 60, longIds: true });
  const json = JSON.stringify(input);
  const parseMs: number[] = [];
  const planMs: number[] = [];
  for (let run = 0; run < warmups + runs; run++) {
    const parseStart = performance.now();
    const parsed = JSON.parse(json) as PlanInput;
    const planStart = performance.now();
    planWaves(parsed);
    const planEnd = performance.now();
    // Warm-up runs let the JIT compile both paths before anything is measured.
    if (run < warmups) continue;
    parseMs.push(planStart - parseStart);
    planMs.push(planEnd - planStart);
  }
  const p50Ms = median(planMs);
  const jsonParseMs = median(parseMs);
  return { name: "planner", services: input.services.length, dependencies: input.dependencies.length, p50Ms: round(p50Ms), jsonParseMs: round(jsonParseMs), ratio: round(p50Ms / jsonParseMs) };
}
