/**
 * Benchmarks that run against the served large programme, in order. Each capability adds
 * its own entry; each returns the fields of its JSON line.
 */
import type { Db } from "../../lib/db";

export type BenchContext = { baseUrl: string; slug: string; db: Db; token: string };
export type Benchmark = { name: string; run: (ctx: BenchContext) => Promise<Record<string, unknown>> };

export const benchmarks: Benchmark[] = [];
