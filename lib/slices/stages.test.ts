import { describe, expect, it } from "vitest";
import { isStage, STAGES, stageFromDb, stageIndex, stageLabel, stageToDb, stageTrafficShare } from "./stages";

describe("stages", () => {
  it("maps every API stage to its database enum and back", () => {
    expect(STAGES.map(stageToDb)).toEqual(["none", "mirror", "pct1", "pct10", "pct50", "pct100"]);
    for (const stage of STAGES) expect(stageFromDb(stageToDb(stage))).toBe(stage);
  });

  it("orders, labels and shares traffic by stage; mirror serves no real users", () => {
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(STAGES.map(stageLabel)).toEqual(["0%", "mirror", "1%", "10%", "50%", "100%"]);
    expect(STAGES.map(stageTrafficShare)).toEqual([0, 0, 0.01, 0.1, 0.5, 1]);
  });

  it("knows a stage only in the API's spelling", () => {
    expect(STAGES.every(isStage)).toBe(true);
    expect(["pct10", "5", "", 10, null].some(isStage)).toBe(false);
  });
});
