import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_ROLLOUT_YAML_CHARS, readRollout } from "./read-rollout";
import { isRolloutReadError, type RolloutReading } from "./types";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");
const reading = (yaml: string): RolloutReading => {
  const result = readRollout(yaml);
  if (isRolloutReadError(result)) throw new Error(result.error);
  return result;
};
const error = (yaml: string): string => {
  const result = readRollout(yaml);
  if (!isRolloutReadError(result)) throw new Error(`expected an error, read ${JSON.stringify(result)}`);
  return result.error;
};

describe("readRollout: fixtures", () => {
  it.each([
    // Argo Rollouts
    ["argo-rollout-healthy.yaml", { sourceKind: "Rollout", name: "orders-api", namespace: "orders", weight: 100, phase: "Healthy", healthy: true, aborted: false }],
    ["argo-rollout-paused.yaml", { sourceKind: "Rollout", weight: 10, phase: "Paused", healthy: true, aborted: false }],
    ["argo-rollout-progressing.yaml", { sourceKind: "Rollout", weight: 50, phase: "Progressing", healthy: true }],
    ["argo-rollout-aborted.yaml", { sourceKind: "Rollout", weight: 0, phase: "Degraded", healthy: false, aborted: true }],
    ["argo-rollout-basic-canary.yaml", { sourceKind: "Rollout", name: "billing-worker", weight: 40, phase: "Paused", healthy: true }],
    // Flagger
    ["flagger-canary-succeeded.yaml", { sourceKind: "Canary", name: "payments", weight: 100, phase: "Succeeded", healthy: true, aborted: false }],
    ["flagger-canary-progressing.yaml", { sourceKind: "Canary", weight: 20, phase: "Progressing", healthy: true }],
    ["flagger-canary-failed.yaml", { sourceKind: "Canary", weight: 0, phase: "Failed", healthy: false, aborted: true }],
    ["flagger-canary-mirroring.yaml", { sourceKind: "Canary", weight: 0, phase: "Progressing", healthy: true, mirrored: true }],
    // Istio
    ["istio-virtualservice-shifted.yaml", { sourceKind: "VirtualService", name: "orders", weight: 100, phase: "Shifted", healthy: true }],
    ["istio-virtualservice-canary.yaml", { sourceKind: "VirtualService", weight: 10, phase: "Shifting", healthy: true }],
    ["istio-virtualservice-rolled-back.yaml", { sourceKind: "VirtualService", weight: 0, phase: "NotShifted", healthy: true }],
    ["istio-virtualservice-mirror.yaml", { sourceKind: "VirtualService", name: "catalog", weight: 0, phase: "Mirroring", mirrored: true }],
    ["istio-virtualservice-unnamed.yaml", { sourceKind: "VirtualService", weight: 70, phase: "Shifting" }],
  ] as [string, Partial<RolloutReading>][])("%s", (file, expected) => {
    expect(reading(fixture(file))).toMatchObject(expected);
  });

  it("carries the tool's own message", () => {
    expect(reading(fixture("argo-rollout-aborted.yaml")).message).toContain('Metric "error-rate" assessed Failed');
    expect(reading(fixture("flagger-canary-failed.yaml")).message).toMatch(/Canary analysis failed.*5 failed checks of 5 allowed/);
    expect(reading(fixture("flagger-canary-progressing.yaml")).message).toContain("1 failed check of 5 allowed");
  });

  it("reports VirtualService weights per subset, marking the new path", () => {
    const vs = reading(fixture("istio-virtualservice-canary.yaml"));
    expect(vs.subsets).toEqual([
      { name: "legacy", host: "orders", subset: "legacy", weight: 90, isNew: false },
      { name: "k8s", host: "orders", subset: "k8s", weight: 10, isNew: true },
    ]);
    expect(vs.message).toContain("1 matched route (testers) not counted");
  });

  it("says when it fell back to the destination's position", () => {
    expect(reading(fixture("istio-virtualservice-unnamed.yaml")).message).toMatch(/v2 \(listed after the first\) is taken as the new path/);
  });
});

describe("readRollout: bad input", () => {
  it("names the accepted kinds when the YAML is another kind", () => {
    const message = error(fixture("deployment.yaml"));
    expect(message).toMatch(/Rollout.*Canary.*VirtualService/);
    expect(message).toContain("Deployment (apps/v1)");
  });

  it("refuses a known kind from another API group", () => {
    expect(error("apiVersion: example.com/v1\nkind: Canary\nmetadata: { name: x }\n")).toMatch(/flagger\.app/);
  });

  it("explains malformed YAML with its position and never throws", () => {
    expect(error(fixture("malformed.yaml"))).toMatch(/^The YAML could not be parsed \(line \d+, column \d+\): .+\. Paste an Argo Rollouts Rollout .*Canary.*VirtualService/);
    for (const junk of ["{", "a: [1, 2", "\t- bad\n  indent: : :", "key: &a [*a]", "- - - -\n  : ]"]) {
      expect(() => readRollout(junk)).not.toThrow();
      expect(isRolloutReadError(readRollout(junk))).toBe(true);
    }
  });

  it.each([
    ["empty", "   \n"],
    ["a scalar", "just some text"],
    ["a list of numbers", "- 1\n- 2\n"],
  ])("refuses %s", (_name, text) => {
    expect(error(text)).toMatch(/Rollout/);
  });

  it("asks for the live object when a manifest has no status", () => {
    expect(error(fixture("argo-rollout-manifest-only.yaml"))).toMatch(/no status.*kubectl get rollout orders-api -o yaml/);
    expect(error("apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: { name: p }\nspec: {}\n")).toMatch(/no status/);
  });

  it("refuses a VirtualService with TCP routes only", () => {
    expect(error(fixture("istio-virtualservice-tcp-only.yaml"))).toMatch(/HTTP route/);
  });

  it("refuses an alias bomb and an oversized paste", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    expect(error(bomb)).toMatch(/alias/i);
    expect(error("#".repeat(MAX_ROLLOUT_YAML_CHARS + 1))).toMatch(/too large/);
  });
});

describe("readRollout: documents and lists", () => {
  it("reads the tool's object when a VirtualService is pasted beside it", () => {
    const both = `${fixture("istio-virtualservice-canary.yaml")}\n---\n${fixture("argo-rollout-paused.yaml")}`;
    const r = reading(both);
    expect(r).toMatchObject({ sourceKind: "Rollout", weight: 10 });
    expect(r.message).toMatch(/1 other supported object/);
  });

  it("reads the items of a kubectl List and skips other kinds", () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: s }\n  - apiVersion: flagger.app/v1beta1\n    kind: Canary\n    metadata: { name: listed }\n    status: { phase: Progressing, canaryWeight: 30 }\n`;
    expect(reading(list)).toMatchObject({ sourceKind: "Canary", name: "listed", weight: 30 });
  });
});

const vs = (http: string) => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: t }\nspec:\n  http:\n${http}`;

describe("readRollout: VirtualService weights", () => {
  it.each([
    ["subset named canary", "    - route:\n        - { destination: { host: a, subset: stable }, weight: 75 }\n        - { destination: { host: a, subset: canary }, weight: 25 }\n", 25],
    ["host named k8s, no subsets", "    - route:\n        - { destination: { host: orders.k8s.internal }, weight: 60 }\n        - { destination: { host: orders.dc1.internal }, weight: 40 }\n", 60],
    ["only the legacy side named", "    - route:\n        - { destination: { host: orders-vm }, weight: 80 }\n        - { destination: { host: orders }, weight: 20 }\n", 20],
    ["'renewals' is not 'new'", "    - route:\n        - { destination: { host: renewals-api }, weight: 95 }\n        - { destination: { host: renewals-api, subset: k8s }, weight: 5 }\n", 5],
    ["weights read as proportions", "    - route:\n        - { destination: { host: a, subset: legacy }, weight: 3 }\n        - { destination: { host: a, subset: k8s }, weight: 1 }\n", 25],
    ["no weights split evenly", "    - route:\n        - { destination: { host: a, subset: legacy } }\n        - { destination: { host: a, subset: k8s } }\n", 50],
    ["a lone new destination takes all", "    - route:\n        - destination: { host: a, subset: k8s }\n", 100],
    ["quoted numbers", "    - route:\n        - { destination: { host: a, subset: legacy }, weight: '90' }\n        - { destination: { host: a, subset: new }, weight: '10' }\n", 10],
    ["a sliver is not zero", "    - route:\n        - { destination: { host: a, subset: legacy }, weight: 999 }\n        - { destination: { host: a, subset: k8s }, weight: 1 }\n", 1],
  ])("%s", (_name, http, weight) => {
    expect(reading(vs(http)).weight).toBe(weight);
  });

  it.each([
    ["one unnamed destination", "    - route:\n        - destination: { host: orders }\n", /names neither path/],
    ["a negative weight", "    - route:\n        - { destination: { host: a, subset: legacy }, weight: -5 }\n        - { destination: { host: a, subset: k8s }, weight: 105 }\n", /0 or more/],
    ["all weights zero", "    - route:\n        - { destination: { host: a, subset: legacy }, weight: 0 }\n        - { destination: { host: a, subset: k8s }, weight: 0 }\n", /weight 0/],
    ["a destination without a host", "    - route:\n        - { destination: { subset: k8s }, weight: 100 }\n", /no host/],
  ])("refuses %s", (_name, http, message) => {
    expect(error(vs(http))).toMatch(message);
  });
});
