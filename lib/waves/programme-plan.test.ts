import { describe, expect, it } from "vitest";
import { planWithDetails } from "@/lib/planning";
import { planProgramme, toPlanInput, type PlanningData, type StoredSlice } from "./programme-plan";

const slice = (over: Partial<StoredSlice> & Pick<StoredSlice, "id" | "name" | "serviceIds">): StoredSlice => ({
  teamId: "t-shop",
  team: "shop",
  waveId: null,
  wave: null,
  pinnedWave: null,
  pinReason: null,
  status: "planned",
  stage: "none",
  version: 1,
  ...over,
});

/** web depends on api, api on leaf: left alone, the plan puts Leaf in 1, Api in 2, Web in 3. */
function programme(slices: StoredSlice[]): PlanningData {
  return {
    services: [
      { id: "web", name: "web", kind: "api", shared: false, team: "shop", sliceId: "s-web" },
      { id: "api", name: "api", kind: "api", shared: false, team: "shop", sliceId: "s-api" },
      { id: "leaf", name: "leaf", kind: "api", shared: false, team: "shop", sliceId: "s-leaf" },
    ],
    dependencies: [
      { from: "web", to: "api" },
      { from: "api", to: "leaf" },
    ],
    slices,
    waves: [
      { id: "w1", number: 1, name: null, goal: null, plannedStart: null, plannedEnd: null, facilityIds: ["f-mesh"] },
      { id: "w2", number: 2, name: null, goal: null, plannedStart: null, plannedEnd: null, facilityIds: [] },
    ],
    facilities: [{ id: "f-mesh", key: "mesh", name: "Service mesh", status: "ready" }],
    teams: [{ id: "t-shop", name: "shop" }],
  };
}

const waveOf = (plan: ReturnType<typeof planProgramme>["plan"], id: string) => plan.waves.find((w) => w.slices.some((s) => s.id === id))?.number;
const reasonOf = (plan: ReturnType<typeof planProgramme>["plan"], id: string) => plan.waves.flatMap((w) => w.slices).find((s) => s.id === id)?.reason;

describe("toPlanInput", () => {
  it("holds a live or done slice in its wave as a pin, keeps other pins, and names the waves' facilities by key", () => {
    const input = toPlanInput(
      programme([
        slice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"], status: "live", wave: 2, waveId: "w2" }),
        slice({ id: "s-api", name: "Api", serviceIds: ["api"], status: "done", wave: null }),
        slice({ id: "s-web", name: "Web", serviceIds: ["web"], pinnedWave: 2, pinReason: "freeze" }),
      ]),
      { capacityPerTeam: 3 },
    );
    expect(input.slices?.map((s) => [s.id, s.pinnedWave])).toEqual([
      ["s-leaf", 2],
      ["s-api", null],
      ["s-web", 2],
    ]);
    expect(input.waveRequirements).toEqual([{ wave: 1, facilityKeys: ["mesh"] }]);
    expect(input.facilities).toEqual([{ key: "mesh", name: "Service mesh", ready: true }]);
    expect(input.options).toEqual({ capacityPerTeam: 3 });
  });
});

describe("planProgramme", () => {
  it("is the planner's plan of the stored data when no slice is settled", () => {
    const data = programme([slice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"] }), slice({ id: "s-api", name: "Api", serviceIds: ["api"] }), slice({ id: "s-web", name: "Web", serviceIds: ["web"] })]);
    const details = planProgramme(data);
    expect(details).toEqual(planWithDetails(toPlanInput(data)));
    expect(["s-leaf", "s-api", "s-web"].map((id) => waveOf(details.plan, id))).toEqual([1, 2, 3]);
  });

  it("keeps a live slice where history placed it and says so, rather than naming a manager's pin", () => {
    const data = programme([
      slice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"] }),
      slice({ id: "s-api", name: "Api", serviceIds: ["api"], status: "live", wave: 2, waveId: "w2" }),
      slice({ id: "s-web", name: "Web", serviceIds: ["web"], status: "done", wave: 2, waveId: "w2", pinnedWave: 2, pinReason: "freeze" }),
    ]);
    const { plan } = planProgramme(data);
    expect(waveOf(plan, "s-api")).toBe(2);
    expect(reasonOf(plan, "s-api")).toMatch(/^already live: stays in wave 2/);
    // A slice a manager pinned keeps the planner's reason for the pin.
    expect(reasonOf(plan, "s-web")).toBe(reasonOf(planWithDetails(toPlanInput(data)).plan, "s-web"));
  });
});
