import { describe, expect, it } from "vitest";
import { counterValue } from "@/lib/metrics";
import { refusal } from "./refusal";

const base = { method: "PROPFIND", requestId: "req-1", code: "METHOD_NOT_ALLOWED" as const, reason: "method", message: "Not here <b>.", headers: { allow: "GET" } };

describe("refusal", () => {
  it("answers /api paths with the error envelope, the request id and no-store", () => {
    const r = refusal({ ...base, pathname: "/api/v1/tokens", details: { allow: ["GET"] } });
    expect(r.status).toBe(405);
    expect(JSON.parse(r.body)).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: "Not here <b>.", details: { allow: ["GET"] } } });
    expect(r.headers).toMatchObject({ "x-request-id": "req-1", allow: "GET", "cache-control": "no-store", "content-type": "application/json", "x-frame-options": "DENY" });
  });

  it("answers pages with a friendly page that escapes what it says", () => {
    const r = refusal({ ...base, pathname: "/p/demo" });
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.body).toContain("Not here &#60;b&#62;.");
    expect(r.body).toContain("Reference: req-1");
    expect(r.body).not.toContain("<b>");
  });

  it("answers server-action fetches in plain text, which Next's client shows as the error", () => {
    const r = refusal({ ...base, pathname: "/p/demo", code: "PAYLOAD_TOO_LARGE", plainText: true });
    expect(r.status).toBe(413);
    expect(r.headers["content-type"]).toBe("text/plain");
    expect(r.body).toBe("Not here <b>.");
  });

  it("sends no body for HEAD, and counts every refusal by reason and status", async () => {
    const before = await counterValue("ferry_http_refusals_total", { reason: "unit", status: "503" });
    const r = refusal({ ...base, method: "HEAD", pathname: "/", code: "UNAVAILABLE", reason: "unit" });
    expect(r.body).toBe("");
    expect(await counterValue("ferry_http_refusals_total", { reason: "unit", status: "503" })).toBe(before + 1);
  });
});
