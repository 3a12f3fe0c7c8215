import { describe, expect, it } from "vitest";
import { planWithDetails } from "@/lib/planning";
import { planProgramme, toPlanInput } from "./programme-plan";
import { storedProgramme as programme, storedSlice as slice } from "./test-programme";

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
