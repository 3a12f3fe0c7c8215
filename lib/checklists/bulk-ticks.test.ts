import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { bulkTickRefusal, parseTicksBody } from "./bulk-ticks";

const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("parseTicksBody", () => {
  it("reads a valid body into its entries", () => {
    expect(parseTicksBody(JSON.stringify({ ticks: [{ sliceId: "s", itemId: "i", state: "done" }] }))).toEqual({ ticks: [{ sliceId: "s", itemId: "i", state: "done" }] });
  });

  it("refuses a body that is not JSON, or wrong as a whole, with per-field details", () => {
    expect(refusalOf(() => parseTicksBody("{"))).toEqual({ code: "INVALID", message: "The request body is not valid JSON.", details: undefined });
    const whole = refusalOf(() => parseTicksBody(JSON.stringify({ ticks: [], extra: 1 })));
    expect(whole).toMatchObject({ code: "INVALID", message: "The request is not valid." });
    expect((whole.details as { path: string }[]).map((d) => d.path).sort()).toEqual(["(body)", "ticks"]);
  });

  it("names each invalid entry by index and field, sorted, and counts the failing entries", () => {
    const refusal = refusalOf(() =>
      parseTicksBody(JSON.stringify({ ticks: [{ sliceId: "s", itemId: "i", state: "na" }, { sliceId: "s", itemId: "j", state: "done" }, { sliceId: "s", state: "maybe" }] })),
    );
    expect(refusal.code).toBe("INVALID");
    expect(refusal.message).toBe("2 of the 3 ticks are not valid; nothing was changed (details names each failing entry).");
    expect(refusal.details).toMatchObject([
      { index: 0, code: "INVALID", path: "reason" },
      { index: 2, code: "INVALID" },
      { index: 2, code: "INVALID" },
    ]);
  });
});

describe("bulkTickRefusal", () => {
  it("sorts the failures by index and counts the entries failing with the answer's code", () => {
    const error = bulkTickRefusal(
      "NOT_FOUND",
      [
        { index: 4, code: "FORBIDDEN", message: "no" },
        { index: 1, code: "NOT_FOUND", message: "gone" },
        { index: 3, code: "NOT_FOUND", message: "gone" },
      ],
      5,
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("2 of the 5 ticks name no item of this programme's slices; nothing was changed (details names each failing entry).");
    expect((error.details as { index: number }[]).map((f) => f.index)).toEqual([1, 3, 4]);
  });
});
