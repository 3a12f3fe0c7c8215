import { describe, expect, it } from "vitest";
import { bulkNotification, changeOf, eventNotification, parseLastEventId, parseNotification, sseMessage } from "./messages";

describe("notifications", () => {
  it("round-trip one event and a bulk write, small whatever the event", () => {
    const one = eventNotification("prog-1", { id: 42, action: "slice.stage_moved", entityType: "slice", entityId: "s1" });
    expect(parseNotification(one)).toEqual({ p: "prog-1", e: 42, a: "slice.stage_moved", t: "slice", i: "s1" });
    expect(changeOf(parseNotification(one)!)).toEqual({ id: 42, action: "slice.stage_moved", entityType: "slice", entityId: "s1" });
    expect(changeOf(parseNotification(bulkNotification("prog-1", 99, 5000))!)).toEqual({ id: 99, count: 5000 });
    // NOTIFY refuses payloads of 8,000 bytes; long names are cut.
    expect(eventNotification("p".repeat(200), { id: 1, action: "a".repeat(5000), entityType: "t".repeat(5000), entityId: "i".repeat(5000) }).length).toBeLessThan(1_000);
  });

  it("ignores what is not Ferry's", () => {
    for (const text of [undefined, "", "hello", "{}", '{"p":"x","e":-1}', '{"p":"","e":3}', "[1,2]"]) expect(parseNotification(text), String(text)).toBeNull();
  });
});

describe("server-sent events", () => {
  it("carry the event id as id and JSON data on one line", () => {
    const text = sseMessage("change", { id: 7, action: "x", entityType: "slice", entityId: "a\nb" });
    expect(text).toBe('id: 7\nevent: change\ndata: {"id":7,"action":"x","entityType":"slice","entityId":"a\\nb"}\n\n');
    expect(text.trimEnd().split("\n")).toHaveLength(3);
  });

  it("resume from a Last-Event-ID that is an event id, and from nothing else", () => {
    expect(parseLastEventId("123")).toBe(123);
    expect(parseLastEventId(" 9 ")).toBe(9);
    expect(parseLastEventId("2147483647")).toBe(2_147_483_647);
    for (const v of [null, undefined, "", "0", "-1", "1e3", "abc", "12345678901234567890", "1.5"]) expect(parseLastEventId(v), String(v)).toBeNull();
    // Past the integer column: the fuzzer's "917738838259" reached PostgreSQL, which refused the replay.
    for (const v of ["2147483648", "917738838259"]) expect(parseLastEventId(v), v).toBeNull();
  });
});
