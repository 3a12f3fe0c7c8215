import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe";

describe("describeEvent", () => {
  it.each([
    [{ entityType: "slice", action: "slice.stage_moved", after: { name: "checkout", stage: "10" } }, "moved checkout to 10%"],
    [{ entityType: "slice", action: "slice.stage_moved", after: { name: "checkout", stage: "mirror" } }, "moved checkout to mirror"],
    [{ entityType: "slice", action: "slice.rolled_back", after: { name: "search", stage: "0", reason: "latency" } }, "rolled back search to 0%: latency"],
    [{ entityType: "checklist_item", action: "checklist_item.ticked", after: { state: "done", title: "Probes" } }, 'ticked "Probes"'],
    [{ entityType: "checklist_item", action: "checklist_item.ticked", after: { state: "na", title: "PVC" } }, 'marked "PVC" not applicable'],
    [{ entityType: "programme", action: "programme.created", after: { name: "Demo" } }, "created Demo"],
    [{ entityType: "api_token", action: "api_token.revoked", after: null }, "revoked api token"],
    [{ entityType: "slice", action: "slice.status_changed", after: { status: "on_hold" } }, "set slice to on hold"],
  ])("%o", (event, text) => {
    expect(describeEvent(event)).toBe(text);
  });

  it("prefers the looked-up label over the event's own fields", () => {
    expect(describeEvent({ entityType: "slice", action: "slice.stage_moved", after: { stage: "1" } }, "payments")).toBe("moved payments to 1%");
    expect(describeEvent({ entityType: "checklist_item", action: "checklist_item.ticked", after: { state: "done" } }, '"Probes" on payments')).toBe('ticked "Probes" on payments');
  });
});
