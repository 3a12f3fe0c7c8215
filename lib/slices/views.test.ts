import { describe, expect, it } from "vitest";
import { gateItemOf, itemView, sliceView, type ItemRow, type SliceRow } from "./views";

const item = (over: Partial<ItemRow> = {}): ItemRow => ({
  id: "i1",
  key: "health-probes",
  title: "Probes",
  category: "migrated",
  gateStage: "mirror",
  state: "done",
  followUp: false,
  evidenceUrl: "https://ci.example/run/1",
  reason: null,
  doneAt: new Date("2026-03-02T10:00:00Z"),
  doneBy: { name: "Ana" },
  ...over,
});

describe("itemView", () => {
  it("speaks the API's stage spelling and ISO dates, naming who resolved the item", () => {
    expect(itemView(item())).toEqual({ id: "i1", key: "health-probes", title: "Probes", category: "migrated", gate: "mirror", state: "done", followUp: false, evidenceUrl: "https://ci.example/run/1", reason: null, by: "Ana", at: "2026-03-02T10:00:00.000Z" });
    expect(itemView(item({ gateStage: null })).gate).toBeNull();
  });

  it("says which items are follow-ups (ADR 0035), so an API client does not take an open one for a held gate", () => {
    expect(itemView(item({ state: "open", followUp: true, doneBy: null, doneAt: null })).followUp).toBe(true);
  });

  it("names the fallback ticker only for a resolved item without a user, and nobody for an open one", () => {
    expect(itemView(item({ doneBy: null }), "admin token").by).toBe("admin token");
    expect(itemView(item({ state: "open", doneBy: null, doneAt: null }), "admin token")).toMatchObject({ by: null, at: null });
  });
});

describe("gateItemOf and sliceView", () => {
  it("gives the gates the item with its stage in the API's spelling", () => {
    expect(gateItemOf(item({ gateStage: "pct10", state: "na" }))).toEqual({ id: "i1", title: "Probes", category: "migrated", gateStage: "10", state: "na", followUp: false });
    // A follow-up stays one: it gates nothing (lib/checklists/gates).
    expect(gateItemOf(item({ gateStage: "pct10", followUp: true })).followUp).toBe(true);
  });

  it("shows a slice with its team, wave, services and checklist, tickers filled in by item", () => {
    const row: SliceRow = { id: "s1", name: "Shop", status: "shifting", stage: "pct1", version: 4, team: { name: "shop" }, wave: null, services: [{ name: "web" }], checklistItems: [item({ doneBy: null }), item({ id: "i2", state: "open", followUp: true, doneBy: null, doneAt: null })] };
    const view = sliceView(row, new Map([["i1", "pipeline"]]));
    expect(view).toMatchObject({ id: "s1", name: "Shop", team: "shop", wave: null, status: "shifting", stage: "1", version: 4, services: ["web"] });
    expect(view.checklist.map((i) => [i.by, i.followUp])).toEqual([["pipeline", false], [null, true]]);
  });
});
