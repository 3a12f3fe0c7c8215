import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Stage } from "@/lib/slices/stages";
import { proposeStageMove, stageForWeight, type StageProposal } from "./propose";
import { readRollout } from "./read-rollout";
import { isRolloutReadError, type RolloutReading } from "./types";

const healthy = (weight: number, extra: Partial<RolloutReading> = {}): RolloutReading => ({
  sourceKind: "Rollout",
  name: "orders-api",
  weight,
  phase: "Paused",
  healthy: true,
  aborted: false,
  message: "CanaryPauseStep.",
  ...extra,
});

describe("stageForWeight", () => {
  it.each([
    [0, "0", "0"],
    [0, "mirror", "mirror"],
    [0, "10", "0"],
    [1, "0", "1"],
    [9, "0", "1"],
    [10, "0", "10"],
    [49, "0", "10"],
    [50, "0", "50"],
    [99, "0", "50"],
    [100, "0", "100"],
  ] as [number, Stage, Stage][])("%i%% at %s -> %s", (weight, current, expected) => {
    expect(stageForWeight(weight, current)).toBe(expected);
  });

  it("zero while mirroring is mirror", () => expect(stageForWeight(0, "0", true)).toBe("mirror"));
});

describe("proposeStageMove", () => {
  it.each([
    [healthy(10), "1", { to: "10", kind: "advance" }],
    [healthy(10), "10", { to: "10", kind: "none" }],
    [healthy(35), "10", { to: "10", kind: "none" }],
    [healthy(100), "50", { to: "100", kind: "advance" }],
    [healthy(50), "0", { to: "50", kind: "advance" }],
    [healthy(0), "mirror", { to: "mirror", kind: "none" }],
    [healthy(0, { mirrored: true }), "0", { to: "mirror", kind: "advance" }],
    [healthy(5), "50", { to: "1", kind: "rollback", signal: "other" }],
    [healthy(60, { healthy: false, aborted: true, phase: "Degraded" }), "50", { to: "0", kind: "rollback", signal: "other" }],
    [healthy(0, { healthy: false, phase: "Failed" }), "0", { to: "0", kind: "none" }],
  ] as [RolloutReading, Stage, Partial<StageProposal>][])("%j at %s", (reading, current, expected) => {
    expect(proposeStageMove(reading, current)).toMatchObject(expected);
  });

  it("builds a rollback's reason from the reading's message", () => {
    const p = proposeStageMove(healthy(0, { healthy: false, aborted: true, phase: "Degraded", message: 'Metric "error-rate" assessed Failed' }), "10");
    expect(p.reason).toBe('Rollout orders-api was aborted (Degraded): Metric "error-rate" assessed Failed');
  });

  it("keeps reasons short enough for the event log", () => {
    const p = proposeStageMove(healthy(0, { healthy: false, message: "x".repeat(5000) }), "10");
    expect(p.reason.length).toBeLessThanOrEqual(500);
  });

  // End to end over the fixtures: what a lead sees after pasting each one on a slice at 10%.
  it.each([
    ["argo-rollout-healthy.yaml", "100", "advance"],
    ["argo-rollout-paused.yaml", "10", "none"],
    ["argo-rollout-progressing.yaml", "50", "advance"],
    ["argo-rollout-aborted.yaml", "0", "rollback"],
    ["flagger-canary-succeeded.yaml", "100", "advance"],
    ["flagger-canary-progressing.yaml", "10", "none"],
    ["flagger-canary-failed.yaml", "0", "rollback"],
    ["istio-virtualservice-shifted.yaml", "100", "advance"],
    ["istio-virtualservice-canary.yaml", "10", "none"],
    ["istio-virtualservice-rolled-back.yaml", "0", "rollback"],
    ["istio-virtualservice-mirror.yaml", "mirror", "rollback"],
  ])("%s at 10%% proposes %s (%s)", (file, to, kind) => {
    const text = readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), "utf8");
    const reading = readRollout(text);
    if (isRolloutReadError(reading)) throw new Error(reading.error);
    expect(proposeStageMove(reading, "10")).toMatchObject({ to, kind });
  });
});
