import { describe, expect, it } from "vitest";
import { cadenceOf, waveDatesFor } from "./cadence";

describe("the wave cadence", () => {
  it.each([
    [{ waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }, 1, "2026-03-02", "2026-03-15"],
    [{ waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }, 3, "2026-03-30", "2026-04-12"],
    [{ waveLengthWeeks: 1, wavesStartOn: "2026-12-28" }, 2, "2027-01-04", "2027-01-10"],
    // Across the end of daylight saving time (dates are days, never local clock times).
    [{ waveLengthWeeks: 4, wavesStartOn: "2026-10-05" }, 2, "2026-11-02", "2026-11-29"],
  ])("%o, wave %i: %s to %s", (cadence, number, start, end) => {
    expect(waveDatesFor(cadence, number)).toEqual({ plannedStart: start, plannedEnd: end });
  });

  it("leaves the next wave starting the day after the last one ends", () => {
    const cadence = { waveLengthWeeks: 3, wavesStartOn: "2026-01-05" };
    for (let n = 1; n < 10; n++) {
      const end = Date.parse(`${waveDatesFor(cadence, n).plannedEnd}T00:00:00Z`);
      expect(Date.parse(`${waveDatesFor(cadence, n + 1).plannedStart}T00:00:00Z`) - end).toBe(86_400_000);
    }
  });

  it("is none unless both its parts are set", () => {
    expect(cadenceOf({ waveLengthWeeks: 2, wavesStartOn: null })).toBeNull();
    expect(cadenceOf({ waveLengthWeeks: null, wavesStartOn: new Date("2026-03-02T00:00:00Z") })).toBeNull();
    expect(cadenceOf({ waveLengthWeeks: 2, wavesStartOn: new Date("2026-03-02T00:00:00Z") })).toEqual({ waveLengthWeeks: 2, wavesStartOn: "2026-03-02" });
  });
});
