import fc from "fast-check";
import { test, expect, e2eDatabaseUrl } from "./fixtures";
import { fuzzCase, type FuzzCase, type OpenApiDocument } from "./support/fuzz-cases";
import { openRowCounter, type RowCounter } from "./support/fuzz-db";
import { closeAgent, createdProgrammes, send, violations } from "./support/fuzz-http";
import { describeAnswer, describeCase, runCases, writesOf, type Failure } from "./support/fuzz-run";
import { fuzzContext, missingOperations } from "./support/fuzz-setup";
import { sweepCases } from "./support/fuzz-sweep";

// A new seed each run explores new requests; it is printed first, so any failure can be
// replayed exactly with FUZZ_SEED (and FUZZ_RUNS to change how many are generated).
// playwright.config.ts picks the run's seed once, so the runner and its workers agree on it.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const caseSeed = (index: number) => (SEED + index) % 2 ** 31;
// Shrinking replays requests one at a time; a few distinct failures are enough to act on.
const MAX_SHRUNK = 6;
const SHRINK_MS = 20_000;

test.describe("API fuzzer", () => {
  test(`generated and mutated requests never get a 5xx, always the envelope, and refused ones write nothing`, async ({ request, baseURL, programme, cleanup }) => {
    test.setTimeout(12 * 60_000);
    console.log(`[fuzz] FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} (replay: FUZZ_SEED=${SEED} npm run test:e2e -- e2e/fuzz.spec.ts)`);
    const started = Date.now();
    const ctx = await fuzzContext(request, programme.slug);
    const docRes = await request.get("/api/v1/openapi.json");
    expect(docRes.status()).toBe(200);
    const doc = (await docRes.json()) as OpenApiDocument;
    expect(missingOperations(doc), "operations the served OpenAPI document leaves out").toEqual([]);

    let counter: RowCounter | null = null;
    try {
      counter = await openRowCounter(e2eDatabaseUrl());
    } catch (error) {
      // Only this property needs the database; the others still run in full.
      console.log(`[fuzz] row counts NOT checked: cannot read the e2e database (${(error as Error).message})`);
    }

    const arbitrary = fuzzCase(doc, ctx).filter((c) => c.path.length + Object.values(c.headers).join("").length < 12_000);
    // Case i comes from seed SEED + i, as run 0 of that seed: fc.check with the same seed then
    // regenerates exactly it and shrinks from there (replaying an index of one long stream
    // does not regenerate the same value, as generation advances the stream's random state).
    const property = fc.asyncProperty(arbitrary, async () => true);
    const sampled = Array.from({ length: RUNS }, (_, index) => ({ index, source: "sampled" as const, c: fc.sample(property, { seed: caseSeed(index), numRuns: 1 })[0][0] as FuzzCase }));
    const sweep = sweepCases(doc, ctx).map((c, index) => ({ index, source: "sweep" as const, c }));
    try {
      const { failures, stats } = await runCases(baseURL!, [...sweep, ...sampled], counter);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[fuzz] ${stats.cases} requests (${sweep.length} sweep, ${sampled.length} generated) in ${seconds} s; slowest ${Math.round(stats.maxMs)} ms`);
      console.log(`[fuzz] statuses ${JSON.stringify(stats.statuses)}`);
      if (counter) console.log(`[fuzz] row counts checked across ${stats.refusedChecked} requests in ${stats.windowsChecked} windows; ${stats.windowsWithWrites} windows held an allowed write and were not checked`);

      const groups = groupFailures(failures);
      for (const [signature, list] of groups) console.log(`[fuzz] FAILED ${signature}: ${list.length} case(s)\n${describeCase(list[0].c)}\n  → ${describeAnswer(list[0].answer)}`);
      let shrunk = 0;
      for (const [signature, list] of groups) {
        const sampledOne = list.find((f) => f.source === "sampled");
        if (!sampledOne || shrunk++ >= MAX_SHRUNK) continue;
        console.log(`[fuzz] shrunk counterexample for ${signature}:\n${await shrink(arbitrary, sampledOne, baseURL!, counter)}`);
      }
      expect(stats.cases).toBe(sweep.length + RUNS);
      if (counter) expect(stats.refusedChecked, "too few requests had their writes checked").toBeGreaterThan(stats.cases / 2);
      expect([...groups.keys()], `fuzz failures (FUZZ_SEED=${SEED}); details above`).toEqual([]);
    } finally {
      await counter?.close();
      closeAgent();
      // Generated bodies create programmes too; they go with the test.
      for (const slug of createdProgrammes) cleanup.programme(slug);
    }
  });
});

/** Failures by what broke, where: one line per distinct bug rather than per request. */
function groupFailures(failures: Failure[]): Map<string, Failure[]> {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    for (const v of f.violations) {
      const status = "error" in f.answer ? "no answer" : String(f.answer.status);
      // Redirects are Next normalising the path (a doubled or trailing slash): one cause.
      const kind = /^3\d\d$/.test(status) ? "a path Next redirects (// or a trailing /)" : kindOf(f.c);
      const key = `[${v.property}] ${status} for ${kind}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
  }
  return groups;
}

const MALFORMED = /%(?![0-9A-Fa-f]{2})|%(?:E0%A4%A(?![0-9A-Fa-f])|ED%[AB]|C0|FF|F4%90)/i;

/** The likely cause of a failure, coarse enough that one bug makes one group. */
function kindOf(c: FuzzCase): string {
  const [method] = c.operation.split(" ");
  if (c.operation === "(none)") return "an address of no operation";
  if (MALFORMED.test(c.path.split("?")[0])) return `a malformed escape in the path (${c.method})`;
  if (c.mutations.includes("path")) return `a hostile path segment`;
  if (c.method !== method) return `${c.method} on an operation's path`;
  return c.operation;
}

/**
 * Replays the failing case from its seed and index and lets fast-check shrink it while the
 * same property still fails on the same operation.
 */
async function shrink(arbitrary: fc.Arbitrary<FuzzCase>, failure: Failure, base: string, counter: RowCounter | null): Promise<string> {
  const property = failure.violations[0].property;
  const stillFails = async (c: FuzzCase) => {
    if (c.operation !== failure.c.operation) return false;
    if (property === "refused requests write nothing") return counter ? (await writesOf(base, c, counter)).changed.length > 0 : false;
    return violations(c, await send(base, c)).some((v) => v.property === property);
  };
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (c) => !(await stillFails(c))),
    { seed: caseSeed(failure.index), numRuns: 1, interruptAfterTimeLimit: SHRINK_MS },
  );
  if (!details.failed || !details.counterexample) return `  (did not fail again on replay of case ${failure.index})`;
  const [c] = details.counterexample;
  return `${describeCase(c)}\n  → ${describeAnswer(await send(base, c))}\n  (${details.numShrinks} shrinks from case ${failure.index}, seed ${caseSeed(failure.index)})`;
}
