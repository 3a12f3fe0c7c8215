import { describe, expect, it } from "vitest";
import { maySignInLinkBeIssued, signInLinkState, type LinkIssuer, type LinkTarget } from "./sign-in-link-rules";

const person = (over: Partial<LinkTarget> = {}): LinkTarget => ({ name: "Ana", isServiceAccount: false, isAdmin: false, disabled: false, signsInWithSso: false, memberOf: ["B"], ...over });
const manager = (managerOf: string[], over: Partial<LinkIssuer> = {}): LinkIssuer => ({ isAdmin: false, managerOf, scope: null, ...over });
const admin: LinkIssuer = { isAdmin: true, managerOf: [], scope: null };

describe("who may give a sign-in link", () => {
  it.each([
    ["a manager, for a person only in their programme", manager(["B"]), person(), "allowed"],
    ["a manager of B, for a person also in A", manager(["B"]), person({ memberOf: ["A", "B"] }), "FORBIDDEN"],
    ["a manager of A and B, for a person in both", manager(["A", "B"]), person({ memberOf: ["A", "B"] }), "allowed"],
    ["the administrator, for anyone in the programme", admin, person({ memberOf: ["A", "B"] }), "allowed"],
    ["the administrator, for another administrator", admin, person({ isAdmin: true }), "allowed"],
    ["a manager, for an administrator in their programme only", manager(["B"]), person({ isAdmin: true }), "FORBIDDEN"],
    ["anyone, for a person outside the programme", admin, person({ memberOf: ["A"] }), "NOT_FOUND"],
    ["anyone, for a service account", admin, person({ isServiceAccount: true }), "CONFLICT"],
    ["anyone, for a person who signs in with SSO", admin, person({ signsInWithSso: true }), "CONFLICT"],
    ["anyone, for a disabled person", admin, person({ disabled: true }), "CONFLICT"],
    ["a token scoped to B, for a person only in B", manager(["A", "B"], { scope: "B" }), person(), "allowed"],
    ["a token scoped to B, for a person also in A", manager(["A", "B"], { scope: "B" }), person({ memberOf: ["A", "B"] }), "FORBIDDEN"],
    ["a token scoped to A, acting in B", manager(["A", "B"], { scope: "A" }), person(), "FORBIDDEN"],
    ["an administrator's token scoped to B, for a person also in A", { ...admin, scope: "B" }, person({ memberOf: ["A", "B"] }), "FORBIDDEN"],
    ["someone who manages nothing", manager([]), person(), "FORBIDDEN"],
  ] as const)("%s: %s", (_, issuer, target, expected) => {
    const decision = maySignInLinkBeIssued(issuer, target, "B");
    expect(decision.allowed ? "allowed" : decision.code).toBe(expected);
  });

  it("names the person and says why in every refusal", () => {
    const decision = maySignInLinkBeIssued(manager(["B"]), person({ memberOf: ["A", "B"] }), "B");
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringMatching(/^Ana is also a member of a programme you do not manage/) });
  });
});

describe("a link's state", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const at = (iso: string) => new Date(iso);
  it.each([
    ["usable before it expires", { usedAt: null, revokedAt: null, expiresAt: at("2026-12-01T12:00:01Z") }, "usable"],
    ["expired at the very instant", { usedAt: null, revokedAt: null, expiresAt: now }, "expired"],
    ["used, even after it expired", { usedAt: at("2026-11-30T00:00:00Z"), revokedAt: null, expiresAt: at("2026-11-30T01:00:00Z") }, "used"],
    ["revoked, even after it expired", { usedAt: null, revokedAt: at("2026-11-30T00:00:00Z"), expiresAt: at("2026-11-30T01:00:00Z") }, "revoked"],
  ] as const)("%s", (_, link, expected) => {
    expect(signInLinkState(link, now)).toBe(expected);
  });
});
