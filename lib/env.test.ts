import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults when nothing is set", () => {
    const r = parseEnv({});
    expect(r.ok && r.env.PORT).toBe(3000);
    expect(r.ok && r.env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ FERRY_ADMIN_TOKEN: "short" }, "FERRY_ADMIN_TOKEN"],
    [{ FERRY_SEED_DEMO: "yes" }, "FERRY_SEED_DEMO"],
    [{ BETTER_AUTH_SECRET: "too-short" }, "BETTER_AUTH_SECRET"],
    [{ FERRY_OIDC_ISSUER: "not a url" }, "FERRY_OIDC_ISSUER"],
    [{ FERRY_BASE_URL: "ferry.example.com" }, "FERRY_BASE_URL"],
  ])("names the bad variable in one line: %o", (source, name) => {
    const r = parseEnv(source);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(name);
      expect(r.message).not.toContain("\n");
    }
  });

  it("treats empty values as unset", () => {
    const r = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(r.ok).toBe(true);
  });

  it("accepts a real postgres URL", () => {
    const r = parseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/ferry" });
    expect(r.ok && r.env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/ferry");
  });
});
