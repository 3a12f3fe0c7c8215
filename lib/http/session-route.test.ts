import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { assertSameOrigin } from "./session-route";

// The import page's uploads are plain POSTs with the session cookie: only Ferry's own pages may send them.
const post = (headers: Record<string, string>) => new Request("http://ferry.test/p/demo/import/apply", { method: "POST", headers });
const refusal = (headers: Record<string, string>) => {
  try {
    assertSameOrigin(post(headers));
    return null;
  } catch (error) {
    return isAppError(error) ? error.code : "other";
  }
};

describe("assertSameOrigin", () => {
  it.each([
    [{ origin: "http://ferry.test", host: "ferry.test" }],
    [{ origin: "https://ferry.example.com", host: "internal:3000", "x-forwarded-host": "ferry.example.com" }],
    [{ "sec-fetch-site": "same-origin", host: "ferry.test" }],
  ])("lets this site's own posts through: %o", (headers) => {
    expect(refusal(headers)).toBeNull();
  });

  it.each([
    [{ origin: "https://evil.example", host: "ferry.test" }],
    [{ origin: "null", host: "ferry.test" }],
    [{ origin: "http://ferry.test" }],
    [{ "sec-fetch-site": "cross-site", host: "ferry.test" }],
    [{ "sec-fetch-site": "same-site", host: "ferry.test" }],
    [{ host: "ferry.test" }],
  ])("refuses anything else as FORBIDDEN: %o", (headers) => {
    expect(refusal(headers)).toBe("FORBIDDEN");
  });
});
