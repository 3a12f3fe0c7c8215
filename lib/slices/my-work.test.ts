import { describe, expect, it } from "vitest";
import type { GateItem } from "@/lib/checklists/gates";
import { buildMyWork, type MyWorkSliceInput } from "./my-work";

const item = (id: string, gateStage: GateItem["gateStage"], state: GateItem["state"] = "open"): GateItem => ({ id, title: `Item ${id}`, category: "migrated", gateStage, state });
const slice = (id: string, over: Partial<MyWorkSliceInput> = {}): MyWorkSliceInput => ({
  id,
  name: id,
  status: "planned",
  stage: "0",
  team: { id: "t-pay", name: "payments" },
  wave: { number: 1, name: null },
  items: [],
  ...over,
});
const ref = (id: string, team: string | null, wave = 1) => ({ id, name: id, team, wave, status: "planned" as const });

describe("my work", () => {
  it("keeps the lead's teams' slices that are not done, waves in order, unplanned last", () => {
    const work = buildMyWork(
      [
        slice("later", { wave: { number: 3, name: null } }),
        slice("unplanned", { wave: null }),
        slice("first", { wave: { number: 1, name: null } }),
        slice("done", { status: "done" }),
        slice("theirs", { team: { id: "t-search", name: "search" } }),
      ],
      [],
      ["payments"],
    );
    expect(work.slices.map((s) => s.id)).toEqual(["first", "later", "unplanned"]);
  });

  it("gives each slice its next gate with the open items holding it, and counts what is ready", () => {
    const work = buildMyWork(
      [
        slice("blocked-by-items", { items: [item("a", "mirror"), item("b", "1"), item("c", "mirror", "done")] }),
        slice("ready", { stage: "mirror", items: [item("d", "mirror", "done"), item("e", "10")] }),
        slice("at-100", { stage: "100", status: "live", items: [] }),
      ],
      [],
      ["payments"],
    );
    const byId = (id: string) => work.slices.find((s) => s.id === id)!;
    const [first, second, third] = [byId("blocked-by-items"), byId("ready"), byId("at-100")];
    expect(first.gate).toMatchObject({ nextStage: "mirror", label: "1 item open before mirror", openItems: [{ id: "a", title: "Item a", gateStage: "mirror" }] });
    expect(first.openItems).toBe(2);
    expect(second.gate).toMatchObject({ nextStage: "1", label: "Ready for 1%", openItems: [] });
    expect(third.gate.nextStage).toBeNull();
    expect(work.totals).toEqual({ slices: 3, openItems: 3, readyForNextStage: 1, blockedOnOthers: 0 });
  });

  it("lists the slices waiting on another team apart from those waiting on the lead's own", () => {
    const work = buildMyWork(
      [slice("checkout", { wave: { number: 2, name: null } }), slice("refunds", { wave: { number: 2, name: null } }), slice("cart")],
      [
        { ...ref("checkout", "payments", 2), waitsOn: [ref("orders", "fulfilment"), ref("cart", "payments")] },
        { ...ref("refunds", "payments", 2), waitsOn: [ref("cart", "payments")] },
        { ...ref("elsewhere", "search", 2), waitsOn: [ref("x", "fulfilment")] },
      ],
      ["payments"],
    );
    expect(work.blockedOnOthers.map((s) => [s.id, s.waitsOnOthers.map((w) => w.id), s.waitsOnOwn.map((w) => w.id)])).toEqual([["checkout", ["orders"], ["cart"]]]);
    expect(work.slices.find((s) => s.id === "refunds")?.waitsOnOwn.map((w) => w.id)).toEqual(["cart"]);
    expect(work.totals.blockedOnOthers).toBe(1);
  });

  it("counts a slice waiting on one no team owns as waiting on others", () => {
    const work = buildMyWork([slice("a")], [{ ...ref("a", "payments"), waitsOn: [ref("orphan", null)] }], ["payments"]);
    expect(work.blockedOnOthers).toHaveLength(1);
  });

  it("is empty for a lead of no team", () => {
    expect(buildMyWork([slice("a")], [], []).totals).toEqual({ slices: 0, openItems: 0, readyForNextStage: 0, blockedOnOthers: 0 });
  });
});
