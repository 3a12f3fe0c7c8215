import { describe, expect, it } from "vitest";
import { addWeeks, canonicalTimeZone, dayAt, lastDayOf, parseWeek, startOfDay, weekAt, weekBounds, weekRange, weeksBetween, weeksInYear, WeekFormatError } from "./weeks";
import type { WeekKey } from "./types";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("ISO weeks", () => {
  it.each([
    ["2026-W47", 2026, 47],
    ["2026-W01", 2026, 1],
    ["2026-W53", 2026, 53], // 2026 starts on a Thursday: 53 weeks
    ["2020-W53", 2020, 53], // a leap year starting on a Wednesday
  ])("parses %s", (text, year, week) => {
    expect(parseWeek(text)).toEqual({ year, week, key: text });
  });

  it.each(["2026-W99", "abc", "2026-W00", "2027-W53", "2026-w47", "2026W47", "2026-W7", " 2026-W47", "0999-W01", ""])("refuses %j with the expected format", (text) => {
    expect(() => parseWeek(text)).toThrow(WeekFormatError);
    expect(() => parseWeek(text)).toThrow(/expected an ISO week such as "2026-W47"/);
  });

  it("says which weeks a year has when the week is past its last", () => {
    expect(() => parseWeek("2027-W53")).toThrow(/2027 has weeks 01 to 52/);
    expect([2025, 2026, 2027, 2032].map(weeksInYear)).toEqual([52, 53, 52, 53]);
  });

  it("puts the days around new year in the week their Thursday belongs to", () => {
    expect(weekAt(at("2026-12-31T12:00:00Z"), "UTC")).toBe("2026-W53");
    expect(weekAt(at("2027-01-03T23:59:59Z"), "UTC")).toBe("2026-W53");
    expect(weekAt(at("2027-01-04T00:00:00Z"), "UTC")).toBe("2027-W01");
    expect(weekAt(at("2024-12-30T00:00:00Z"), "UTC")).toBe("2025-W01");
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2027-W01", -1)).toBe("2026-W53");
    expect(weeksBetween("2026-W50", "2027-W02")).toBe(5);
    expect(lastDayOf("2026-W53")).toBe("2027-01-03");
  });

  it("bounds a week from Monday 00:00 to the next Monday 00:00", () => {
    expect(weekRange("2026-W47", "UTC")).toEqual({ week: "2026-W47", start: "2026-11-16T00:00:00.000Z", end: "2026-11-23T00:00:00.000Z", timeZone: "UTC" });
  });

  it("counts the week in the programme's time zone", () => {
    // Sunday 23:30 in London is already Monday 00:30 in Paris.
    const sundayNight = at("2026-11-22T23:30:00Z");
    expect(weekAt(sundayNight, "UTC")).toBe("2026-W47");
    expect(weekAt(sundayNight, "Europe/Paris")).toBe("2026-W48");
    expect(weekAt(sundayNight, "America/Los_Angeles")).toBe("2026-W47");
    expect(dayAt(sundayNight, "Asia/Tokyo")).toBe("2026-11-23");
    const paris = weekBounds("2026-W48", "Europe/Paris");
    expect(iso(paris.start)).toBe("2026-11-22T23:00:00.000Z");
    const tokyo = weekBounds("2026-W48", "Asia/Tokyo");
    expect(iso(tokyo.start)).toBe("2026-11-22T15:00:00.000Z");
  });

  it("makes a week with a DST change an hour shorter or longer", () => {
    const spring = weekBounds("2026-W13", "Europe/Paris"); // clocks go forward on Sunday 29 March
    expect([iso(spring.start), iso(spring.end)]).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect((spring.end - spring.start) / 3_600_000).toBe(167);
    const autumn = weekBounds("2026-W43", "Europe/Paris"); // back on Sunday 25 October
    expect((autumn.end - autumn.start) / 3_600_000).toBe(169);
    const newYork = weekBounds("2026-W10", "America/New_York"); // forward on Sunday 8 March
    expect(iso(newYork.end)).toBe("2026-03-09T04:00:00.000Z");
  });

  it("starts a day whose midnight a DST change skips at its first minute", () => {
    // Santiago springs forward at 00:00 on Sunday 6 September 2026: the day starts at 01:00 (-03).
    expect(iso(startOfDay({ year: 2026, month: 9, day: 6 }, "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z");
    expect(iso(startOfDay({ year: 2026, month: 9, day: 7 }, "America/Santiago"))).toBe("2026-09-07T03:00:00.000Z");
  });

  it("knows time zones by their IANA names only", () => {
    expect(canonicalTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const bad of ["Mars/Olympus", "", "+01:00", "Europe/Paris; DROP", "x".repeat(100)]) expect(canonicalTimeZone(bad)).toBeNull();
  });

  it("steps through weeks consistently with their bounds", () => {
    let week: WeekKey = "2026-W50";
    for (let i = 0; i < 10; i++) {
      const next = addWeeks(week, 1);
      expect(weekBounds(week, "Europe/Paris").end).toBe(weekBounds(next, "Europe/Paris").start);
      expect(weekAt(weekBounds(next, "Europe/Paris").start, "Europe/Paris")).toBe(next);
      week = next;
    }
  });
});
