import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe";

const standing = { stage: "1", status: "shifting" };
const tick = (state: string, title: string) => ({ entityType: "checklist_item", action: "checklist_item.ticked", before: { state: "open" }, after: { state, title, sliceId: "s1" } });

describe("describeEvent", () => {
  it.each([
    [{ entityType: "slice", action: "slice.stage_moved", before: standing, after: { stage: "10", status: "shifting", kind: "advance" } }, "checkout", "moved checkout to 10%"],
    [{ entityType: "slice", action: "slice.stage_moved", before: { stage: "0", status: "preparing" }, after: { stage: "mirror", status: "parallel_run", kind: "advance" } }, "checkout", "moved checkout to mirror"],
    [{ entityType: "slice", action: "slice.rolled_back", before: standing, after: { stage: "0", status: "rolled_back", kind: "rollback", reason: "latency" } }, "search", "rolled back search to 0%: latency"],
    [{ ...tick("done", "Probes"), before: { state: "open" } }, undefined, 'ticked "Probes"'],
    [tick("na", "PVC"), undefined, 'marked "PVC" not applicable'],
    [{ ...tick("open", "PVC"), before: { state: "done" } }, undefined, 'reopened "PVC"'],
    [{ entityType: "programme", action: "programme.created", before: null, after: { slug: "demo", name: "Demo", targetDate: null } }, undefined, "created Demo"],
    [{ entityType: "api_token", action: "api_token.revoked", before: null, after: null }, undefined, "revoked api token"],
    [{ entityType: "slice", action: "slice.status_changed", before: { stage: "100", status: "live" }, after: { stage: "100", status: "on_hold", reason: "hold" } }, undefined, "set slice to on hold"],
  ])("%o", (event, label, text) => {
    expect(describeEvent(event, label)).toBe(text);
  });

  it("prefers the looked-up label over the event's own fields", () => {
    expect(describeEvent({ entityType: "slice", action: "slice.stage_moved", before: { stage: "0", status: "preparing" }, after: { stage: "1", status: "shifting", kind: "skip", skipped: ["mirror"] } }, "payments")).toBe("moved payments to 1%");
    expect(describeEvent(tick("done", "Probes"), '"Probes" on payments')).toBe('ticked "Probes" on payments');
  });

  it("gives a row the catalogue does not describe a line from its verb, without failing", () => {
    expect(describeEvent({ entityType: "slice", action: "slice.stage_moved", before: null, after: { stage: "10" } }, "checkout")).toBe("stage moved checkout");
    expect(describeEvent({ entityType: "checklist_item", action: "checklist_item.ticked", before: null, after: { state: "done", title: "Probes" } })).toBe('ticked "Probes"');
    expect(describeEvent({ entityType: "widget", action: "widget.polished", before: 3, after: "x" })).toBe("polished widget");
  });
});
