import { describe, expect, expectTypeOf, it } from "vitest";
import { AppError, errorPayload, isAppError, isFieldIssues, isOrderBreak, type ErrorDetails, type ErrorPayload, type OrderBreak } from "./errors";

const link = { sliceId: "s1", slice: "Orders core", wave: 2, service: "shipping", other: "orders" };
const orderBreak: OrderBreak = { toWave: 1, mustFollow: [link], mustPrecede: [] };

describe("AppError details", () => {
  it("keeps the details it was given and leaves them out when there are none", () => {
    expect(errorPayload(new AppError("CONFLICT", "Breaks the order.", orderBreak))).toEqual({ code: "CONFLICT", details: orderBreak });
    expect(errorPayload(new AppError("NOT_FOUND", "Slice was not found."))).toEqual({ code: "NOT_FOUND" });
    expect("details" in errorPayload(new AppError("NOT_FOUND", "x"))).toBe(false);
  });

  it("narrows details by code once an error is known to be an AppError", () => {
    const error: unknown = new AppError("METHOD_NOT_ALLOWED", "No.", { allow: ["GET", "HEAD"] });
    if (!isAppError(error) || error.code !== "METHOD_NOT_ALLOWED") throw new Error("expected a 405");
    expectTypeOf(error.details).toEqualTypeOf<ErrorDetails["METHOD_NOT_ALLOWED"] | undefined>();
    expect(error.details?.allow.join(", ")).toBe("GET, HEAD");
  });

  it("types each code's details: a shape another code carries is refused", () => {
    // @ts-expect-error a version conflict is not a field issue list for INVALID
    void new AppError("INVALID", "x", { currentVersion: 2, expectedVersion: 1 });
    // @ts-expect-error NOT_FOUND carries only bulk entries
    void new AppError("NOT_FOUND", "x", [{ path: "id", message: "unknown" }]);
    // @ts-expect-error UNAVAILABLE carries no details
    void new AppError("UNAVAILABLE", "x", {});
    void new AppError("INVALID", "x", [{ index: 3, message: "unknown item", code: "NOT_FOUND" }]);
    void new AppError("INVALID", "x", [{ line: 12, message: "kind must be one of api, web" }]);
    void new AppError("GATE_BLOCKED", "x", [{ id: "i1", title: "Alerts", gateStage: "1" }]);
    expect(true).toBe(true);
  });

  it("narrows a payload's details by its code", () => {
    const payload = { code: "CONFLICT", details: orderBreak } as ErrorPayload;
    if (payload.code === "CONFLICT") expectTypeOf(payload.details).toEqualTypeOf<ErrorDetails["CONFLICT"] | undefined>();
    expect(payload.code).toBe("CONFLICT");
  });
});

describe("detail guards", () => {
  it.each([
    [[{ path: "name", message: "taken" }], true],
    [[], true],
    [[{ line: 3, message: "bad" }], false],
    [{ path: "name", message: "taken" }, false],
    [undefined, false],
  ])("isFieldIssues(%j) is %s", (details, expected) => {
    expect(isFieldIssues(details)).toBe(expected);
  });

  it("tells a move against the order from the other conflicts", () => {
    expect(isOrderBreak(orderBreak)).toBe(true);
    expect(isOrderBreak({ currentVersion: 3, expectedVersion: 2 })).toBe(false);
    expect(isOrderBreak([{ path: "name", message: "taken" }])).toBe(false);
    expect(isOrderBreak(undefined)).toBe(false);
  });
});
