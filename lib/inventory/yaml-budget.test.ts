import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { readRollout } from "@/lib/rollouts/read-rollout";
import { parseBackstageCatalog } from "./backstage";
import { fixture } from "./fixtures/load";
import { MAX_YAML_VALUES } from "./limits";
import { countPossibleValues, expandedValues } from "./yaml-budget";

// Regression for "quadratic YAML": 99 aliases to a million-value anchor passed the alias
// count (99 < 100) and held a web process for 10 s at 1.25 GB.
const entity = (extra: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n${extra}spec:\n  type: service\n  owner: t\n  lifecycle: production\n`;
const quadratic = (anchorValues: number, aliases = 99) =>
  entity(`  annotations:\n    x: &big [${"1,".repeat(anchorValues - 1)}1]\n    y: [${Array(aliases).fill("*big").join(",")}]\n`);

const timed = <T>(run: () => T): { result: T; ms: number } => {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
};

describe("expandedValues", () => {
  it("counts aliases as the values they stand for, each node once", () => {
    const doc = parseDocument("a: &x [1, 2, 3]\nb: [*x, *x]\n");
    // root map 1, keys a and b 2, the anchor's sequence 4, b's sequence 1 + 2 × 4.
    expect(expandedValues(doc, 100)).toBe(1 + 2 + 4 + 1 + 8);
    expect(expandedValues(doc, 10)).toBe(Infinity);
  });

  it("ends on an alias to its own enclosing anchor", () => {
    expect(expandedValues(parseDocument("a: &x [1, *x]\n"), 100)).toBeLessThan(10);
  });

  it("bounds the values a text can hold from above", () => {
    for (const text of ["a: 1\nb: [1, 2, {c: d}]\n", "- x\n- y: z\n", "plain"]) {
      expect(countPossibleValues(text)).toBeGreaterThanOrEqual(expandedValues(parseDocument(text), Infinity));
    }
  });
});

describe("hostile YAML is refused quickly with a clear message", () => {
  it("a million-value anchor behind 99 aliases: refused before yaml parses it", () => {
    const { result, ms } = timed(() => parseBackstageCatalog(quadratic(1_000_000), []));
    expect(result.errors).toEqual([{ line: 1, message: expect.stringContaining(`more than ${MAX_YAML_VALUES.toLocaleString("en")} YAML values`) }]);
    expect(ms).toBeLessThan(1000);
  });

  it("a small anchor that 99 aliases expand past the budget: refused after parsing, before converting", () => {
    // 99 × 10,000 = 990,000 values from a 20 KB anchor: within the alias count, over the budget.
    const { result, ms } = timed(() => parseBackstageCatalog(quadratic(10_000), []));
    expect(result.errors).toEqual([{ line: 1, message: expect.stringContaining(`expands to more than ${MAX_YAML_VALUES.toLocaleString("en")} values through YAML aliases`) }]);
    expect(ms).toBeLessThan(5000);
  });

  it("the budget is the file's, not each document's", () => {
    // Four documents that expand to 51,000 values each (a 1,000-value anchor, 50 aliases):
    // each is fine alone, together they are 204,000.
    const doc = (i: number) => quadratic(1_000, 50).replace("name: a", `name: a${i}`);
    const result = parseBackstageCatalog(Array.from({ length: 4 }, (_, i) => doc(i)).join("---\n"), []);
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringContaining(`more than ${MAX_YAML_VALUES.toLocaleString("en")}`)]);
  });

  it("still refuses the billion-laughs fixture, and reads aliases used sparingly", () => {
    expect(parseBackstageCatalog(fixture("alias-bomb.yaml")).errors[0].message).toMatch(/alias/i);
    const ok = parseBackstageCatalog(entity(`  annotations:\n    x: &t ci\n    y: *t\n`), []);
    expect(ok.errors).toEqual([]);
    expect(ok.inventory.services.map((s) => s.name)).toEqual(["a"]);
  });

  it("rollout pastes are bounded the same way", () => {
    const paste = (values: number) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\n  x: &big [${"1,".repeat(values - 1)}1]\n  y: [${Array(99).fill("*big").join(",")}]\n`;
    const big = timed(() => readRollout(paste(200_000)));
    expect(big.result).toEqual({ error: expect.stringContaining("more than 50,000 values") });
    expect(big.ms).toBeLessThan(500);
    expect(readRollout(paste(2_000))).toEqual({ error: expect.stringContaining("once its YAML aliases are expanded") });
  });
});
