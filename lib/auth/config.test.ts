import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { emailDomainAllowed, siteOrigins, ssoConfig } from "./config";

describe("ssoConfig", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(ssoConfig({})).toBeNull();
    expect(ssoConfig({ FERRY_OIDC_ISSUER: "https://id.example.com", FERRY_OIDC_CLIENT_ID: "ferry" })).toBeNull();
  });
  it("normalises the issuer and the allowed domains", () => {
    const c = ssoConfig({
      FERRY_OIDC_ISSUER: "https://id.example.com/",
      FERRY_OIDC_CLIENT_ID: "ferry",
      FERRY_OIDC_CLIENT_SECRET: "s",
      FERRY_OIDC_ALLOWED_DOMAINS: " Example.com, @corp.example ,",
    });
    expect(c).toEqual({ issuer: "https://id.example.com", clientId: "ferry", clientSecret: "s", allowedDomains: ["example.com", "corp.example"], name: "company SSO" });
  });
});

describe("emailDomainAllowed", () => {
  it.each([
    ["ana@example.com", ["example.com"], true],
    ["ana@EXAMPLE.com", ["example.com"], true],
    ["ana@evil-example.com", ["example.com"], false],
    ["ana@example.com.evil", ["example.com"], false],
    ["ana@anything.org", [], true],
  ])("%s with %o -> %s", (email, domains, allowed) => {
    expect(emailDomainAllowed(email, domains)).toBe(allowed);
  });
});

describe("siteOrigins", () => {
  it("trusts the configured origin and the local ones", () => {
    expect(siteOrigins({ PORT: 3100 })).toEqual({ baseURL: "http://localhost:3100", trusted: ["http://localhost:3100", "http://127.0.0.1:3100"] });
    expect(siteOrigins({ PORT: 3000, FERRY_BASE_URL: "https://ferry.example.com/" }).baseURL).toBe("https://ferry.example.com");
  });

  it("takes the port's default from the environment schema", () => {
    const parsed = parseEnv({});
    expect(parsed.ok && siteOrigins(parsed.env).baseURL).toBe("http://localhost:3000");
  });
});

import { safeNextPath } from "./schemas";

describe("safeNextPath", () => {
  it.each([
    ["/p/demo", "/p/demo"],
    ["/p/demo/slices?team=x", "/p/demo/slices?team=x"],
    ["//evil.example/x", "/"],
    ["https://evil.example", "/"],
    ["/\\evil", "/"],
    [undefined, "/"],
  ])("%s -> %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
