/**
 * Benchmarks that run against the served large programme, in order. Each capability adds
 * its own entry; each returns the fields of its JSON line.
 */
import type { Db } from "../lib/db";
import { inventoryBenchmarks } from "./services";
import { wavesBenchmarks } from "./waves";
import { slicesBenchmarks } from "./slices";
import { ticksBenchmarks } from "./ticks";
import { mixedBenchmarks } from "./mixed";
import { microBenchmarks } from "./micro-checks";
import { reportsBenchmarks } from "./reports";
import { graphBenchmarks } from "./graph";
import { opsBenchmarks } from "./ops";

export type BenchContext = { baseUrl: string; slug: string; db: Db; token: string; databaseUrl: string };
export type Benchmark = { name: string; run: (ctx: BenchContext) => Promise<Record<string, unknown>> };

export const benchmarks: Benchmark[] = [];

// Inventory (issue 4): services list per filter, 5,000-component import, bulk edit of 1,000.
benchmarks.push(...inventoryBenchmarks);

// Wave planning (issue 5): plan preview and stored waves through the API, the wave board page.
benchmarks.push(...wavesBenchmarks);

// Slices at work: the bulk tick, single ticks from 50 keep-alive clients, stage moves, the slice page.
benchmarks.push(...ticksBenchmarks);
benchmarks.push(...slicesBenchmarks);

// Dependency graph explorer (issue 13): the graph endpoint, layout beside ELK, the page in headless Chromium.
benchmarks.push(...graphBenchmarks);

// The weekly report (issue 12): the REST export in each format, reconstruction, the forecast, the overview's progress.
benchmarks.push(...reportsBenchmarks);

// Operations (issue 15): /api/metrics, the JSON log's cost, live updates across replicas, 1,000 streams (`npm run bench -- ops`).
benchmarks.push(...opsBenchmarks);

// Security issue: the cost of the body cap and the sign-in limiter per call (`npm run bench -- micro`).
benchmarks.push(...microBenchmarks);

// Security issue: 50 signed-in users at a fixed 250 requests/s of pages, writes and API reads
// (`npm run bench -- mixed` alone). Last: it adds users, tokens and events to the programme.
benchmarks.push(...mixedBenchmarks);
