/**
 * A stored programme as plain data for the waves domain's unit tests: web depends on api, api
 * on leaf, all of team shop, so a plan puts Leaf in wave 1, Api in 2 and Web in 3. Waves 1 and
 * 2 are stored; wave 1 needs the "mesh" facility.
 */
import type { FacilityStatus } from "@/lib/generated/prisma/enums";
import type { PlanningData, StoredSlice } from "./programme-plan";

export const storedSlice = (over: Partial<StoredSlice> & Pick<StoredSlice, "id" | "name" | "serviceIds">): StoredSlice => ({
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

/** The three slices unplanned, one service each, unless others are given. */
export function storedProgramme(slices: StoredSlice[] = [], facilityStatus: FacilityStatus = "ready"): PlanningData {
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
    slices: slices.length
      ? slices
      : [storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"] }), storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"] }), storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"] })],
    waves: [
      { id: "w1", number: 1, name: "First", goal: null, plannedStart: new Date("2026-03-02T00:00:00Z"), plannedEnd: null, facilityIds: ["f-mesh"] },
      { id: "w2", number: 2, name: null, goal: null, plannedStart: null, plannedEnd: null, facilityIds: [] },
    ],
    facilities: [{ id: "f-mesh", key: "mesh", name: "Service mesh", status: facilityStatus }],
    teams: [{ id: "t-shop", name: "shop" }],
  };
}
