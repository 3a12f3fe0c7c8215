import { describe, expect, it } from "vitest";
import { planProgramme } from "./programme-plan";
import { planChanges, storedPlan } from "./stored-plan";
import { storedProgramme, storedSlice } from "./test-programme";

describe("storedPlan", () => {
  it("shows the stored waves with why each slice is there: the plan's reason, a manager's pin, or a hand move", () => {
    const data = storedProgramme([
      storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"], wave: 1, waveId: "w1" }),
      storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"], wave: 1, waveId: "w1", pinnedWave: 1, pinReason: "freeze" }),
      storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"], wave: 1, waveId: "w1" }),
    ]);
    const plan = storedPlan(data, planProgramme(data));
    expect(plan.waves.map((w) => [w.number, w.slices.map((s) => [s.name, s.reason])])).toEqual([
      [
        1,
        [
          ["Api", "pinned to wave 1 by a manager (freeze)"],
          ["Leaf", "leaf: depends on no other service"],
          ["Web", "placed by hand; the plan puts it in wave 2"],
        ],
      ],
      [2, []],
    ]);
    expect(plan.criticalPath).toEqual(["leaf", "api", "web"]);
  });

  it("reports the stored placement's own violations: the order it breaks and a facility not ready", () => {
    const data = storedProgramme([storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"], wave: 1, waveId: "w1" }), storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"], wave: 2, waveId: "w2" })], "in_progress");
    const kinds = storedPlan(data, planProgramme(data)).violations.map((v) => v.kind);
    expect(kinds).toContain("order");
    expect(kinds).toContain("facility");
  });
});

describe("planChanges", () => {
  it("lists the slices the plan moves, in wave order, and the waves it must create", () => {
    const data = storedProgramme([
      storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"], wave: 1, waveId: "w1" }),
      storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"] }),
      storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"], wave: 1, waveId: "w1" }),
    ]);
    const changes = planChanges(data, planProgramme(data));
    expect(changes.moved.map((c) => [c.name, c.from, c.to, c.services])).toEqual([
      ["Api", null, 2, ["api"]],
      ["Web", 1, 3, ["web"]],
    ]);
    expect(changes).toMatchObject({ created: [], unchanged: 1, wavesToCreate: [3] });
  });
});
