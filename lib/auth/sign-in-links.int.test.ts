import { randomUUID } from "node:crypto";
import { verifyPassword } from "better-auth/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { createProgramme, createUser } from "@/lib/seed/factories";
import { hashToken } from "./tokens";

// One-time sign-in links, attacked: a link works once, within its time, until withdrawn; it
// sets the password of the person it names and nobody else's; and a manager can give one only
// to a person whose every programme they manage (ADR 34), checked again when it is used.
let t: TestDatabase;
let issue: typeof import("./mutations/issue-sign-in-link");
let revoke: typeof import("./mutations/revoke-sign-in-link");
let accept: typeof import("./mutations/accept-sign-in-link");
let add: typeof import("./mutations/add-member");
let limiter: typeof import("./sign-in-link-limiter");
let credentials: typeof import("./credentials");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  issue = await import("./mutations/issue-sign-in-link");
  revoke = await import("./mutations/revoke-sign-in-link");
  accept = await import("./mutations/accept-sign-in-link");
  add = await import("./mutations/add-member");
  limiter = await import("./sign-in-link-limiter");
  credentials = await import("./credentials");
});

const PASSWORD = "a-long-new-password";
/** Each test's requests come from an address of its own, so the per-address limit is the rate test's alone. */
const here = () => ({ address: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}` });
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const actorOf = (u: { id: string; name: string }): Actor => ({ userId: u.id, name: u.name, isAdmin: false });
const admin: Actor = { userId: null, name: "Admin token", isAdmin: true };

async function world() {
  const a = await createProgramme(t.db, { slug: uniqueSlug("links-a") });
  const b = await createProgramme(t.db, { slug: uniqueSlug("links-b") });
  const managerA = await createUser(t.db, { name: "Manager A", membership: { programmeId: a.id, role: "manager" } });
  const managerB = await createUser(t.db, { name: "Manager B", membership: { programmeId: b.id, role: "manager" } });
  return { a, b, managerA, managerB };
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
}

const passwordOf = async (userId: string) => (await t.db.account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } }))?.password ?? null;
const eventsOf = (entityId: string) => t.db.event.findMany({ where: { entityType: "invitation", entityId }, orderBy: { id: "asc" }, select: { action: true, programmeId: true, actorId: true, after: true } });

describe("an invitation for a new member", () => {
  it("is made when a manager adds a person with no way to sign in, stored only as a hash, and sets their password once", async () => {
    const w = await world();
    const email = `${uniqueSlug("new")}@example.test`;
    const added = await add.addMember(actorOf(w.managerA), w.a.slug, { email, name: "New Person", role: "viewer" });
    expect(added.link).toMatchObject({ purpose: "invitation", email, name: "New Person" });
    const token = tokenOf(added.link!.url);
    expect(token).toMatch(/^[\w-]{43}$/);
    const row = await t.db.invitation.findUniqueOrThrow({ where: { id: added.link!.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(6 * 86_400_000);

    const done = await accept.acceptSignInLink({ token, password: PASSWORD, passwordAgain: PASSWORD }, here());
    // A viewer lands on the overview (a lead on My work: e2e/invitations.spec.ts).
    expect(done).toEqual({ email, programmeSlug: w.a.slug, startPath: `/p/${w.a.slug}` });
    expect(await verifyPassword({ hash: (await passwordOf(added.id))!, password: PASSWORD })).toBe(true);
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: row.id } })).usedAt).not.toBeNull();
    const events = await eventsOf(row.id);
    expect(events.map((e) => e.action)).toEqual(["invitation.created", "invitation.accepted"]);
    expect(events.every((e) => e.programmeId === w.a.id)).toBe(true);
    expect(events[1].actorId).toBe(added.id);

    // Used: the same link refuses, and the password stays the one set.
    const again = await outcome(() => accept.acceptSignInLink({ token, password: "another-password-1", passwordAgain: "another-password-1" }, here()));
    expect(again).toMatch(/^CONFLICT: This link has already been used/);
    expect(await verifyPassword({ hash: (await passwordOf(added.id))!, password: PASSWORD })).toBe(true);
  });

  it("is not made for a service account, nor for a person SSO would take, nor for someone who already signs in", async () => {
    const w = await world();
    const bot = await add.addMember(actorOf(w.managerA), w.a.slug, { email: `${uniqueSlug("bot")}@example.test`, name: "Bot", role: "viewer", isServiceAccount: true });
    expect(bot.link).toBeNull();
    const existing = await createUser(t.db, { name: "Has password" });
    await credentials.setPassword(t.db, existing.id, "an-old-password");
    expect((await add.addMember(actorOf(w.managerA), w.a.slug, { email: existing.email, name: "x", role: "viewer" })).link).toBeNull();
  });

  it("is refused, with nothing written, to a manager for a person who already belongs to a programme they do not manage; the membership stands", async () => {
    const w = await world();
    const member = await add.addMember(actorOf(w.managerA), w.a.slug, { email: `${uniqueSlug("shared")}@example.test`, name: "Shared", role: "viewer" });
    const before = await t.db.invitation.count({ where: { userId: member.id } });
    const inB = await add.addMember(actorOf(w.managerB), w.b.slug, { email: member.email, name: "Shared", role: "viewer" });
    expect(inB.link).toBeNull();
    expect(inB.note).toMatch(/also a member of a programme you do not manage/);
    expect(await t.db.membership.count({ where: { userId: member.id } })).toBe(2);
    expect(await t.db.invitation.count({ where: { userId: member.id } })).toBe(before);
  });
});

describe("who may give whom a sign-in link", () => {
  it("a manager of B cannot reset the password of a person who is also in A; the administrator and a manager of both can", async () => {
    const w = await world();
    const person = await createUser(t.db, { name: "In A and B", membership: { programmeId: w.a.id, role: "lead" } });
    await t.db.membership.create({ data: { userId: person.id, programmeId: w.b.id, role: "viewer" } });
    await credentials.setPassword(t.db, person.id, "the-old-password");
    const events = await t.db.event.count();
    expect(await outcome(() => issue.issueSignInLink(actorOf(w.managerB), w.b.slug, { userId: person.id }))).toMatch(/^FORBIDDEN: In A and B is also a member of a programme you do not manage/);
    // Not from A either: A's manager does not manage B.
    expect(await outcome(() => issue.issueSignInLink(actorOf(w.managerA), w.a.slug, { userId: person.id }))).toMatch(/^FORBIDDEN/);
    expect(await t.db.event.count()).toBe(events);
    expect(await t.db.invitation.count({ where: { userId: person.id } })).toBe(0);

    expect((await issue.issueSignInLink(admin, w.b.slug, { userId: person.id })).purpose).toBe("password_reset");
    await t.db.membership.create({ data: { userId: w.managerA.id, programmeId: w.b.id, role: "manager" } });
    expect((await issue.issueSignInLink(actorOf(w.managerA), w.b.slug, { userId: person.id })).purpose).toBe("password_reset");
  });

  it("a token scoped to B reaches no further: a manager of both cannot give a link through it to a person also in A", async () => {
    const w = await world();
    await t.db.membership.create({ data: { userId: w.managerA.id, programmeId: w.b.id, role: "manager" } });
    const person = await createUser(t.db, { name: "Both", membership: { programmeId: w.a.id, role: "viewer" } });
    await t.db.membership.create({ data: { userId: person.id, programmeId: w.b.id, role: "viewer" } });
    const scoped: Actor = { ...actorOf(w.managerA), programmeScope: w.b.id };
    expect(await outcome(() => issue.issueSignInLink(scoped, w.b.slug, { userId: person.id }))).toMatch(/^FORBIDDEN: Both is also a member of a programme this token cannot reach/);
    const onlyB = await createUser(t.db, { name: "Only B", membership: { programmeId: w.b.id, role: "viewer" } });
    expect((await issue.issueSignInLink(scoped, w.b.slug, { userId: onlyB.id })).purpose).toBe("invitation");
  });

  it("refuses service accounts, SSO people, disabled people, administrators (but to an administrator), and people outside the programme", async () => {
    const w = await world();
    const m = actorOf(w.managerA);
    const at = async (data: Parameters<typeof createUser>[1]) => createUser(t.db, { ...data, membership: { programmeId: w.a.id, role: "viewer" } });
    const bot = await at({ name: "Bot", isServiceAccount: true, homeProgrammeId: w.a.id });
    const sso = await at({ name: "Sso" });
    await t.db.account.create({ data: { userId: sso.id, providerId: "oidc", accountId: `sub-${sso.id}` } });
    const off = await at({ name: "Off", disabledAt: new Date() });
    const root = await at({ name: "Root", isAdmin: true });
    const stranger = await createUser(t.db, { name: "Stranger", membership: { programmeId: w.b.id, role: "viewer" } });
    expect(await outcome(() => issue.issueSignInLink(m, w.a.slug, { userId: bot.id }))).toMatch(/^CONFLICT: Bot is a service account/);
    expect(await outcome(() => issue.issueSignInLink(m, w.a.slug, { userId: sso.id }))).toMatch(/^CONFLICT: Sso signs in with SSO/);
    expect(await outcome(() => issue.issueSignInLink(m, w.a.slug, { userId: off.id }))).toMatch(/^CONFLICT: Off's account is disabled/);
    expect(await outcome(() => issue.issueSignInLink(m, w.a.slug, { userId: root.id }))).toMatch(/^FORBIDDEN: Root is a deployment administrator/);
    expect(await outcome(() => issue.issueSignInLink(admin, w.a.slug, { userId: root.id }))).toBe("ok");
    expect(await outcome(() => issue.issueSignInLink(m, w.a.slug, { userId: stranger.id }))).toBe("NOT_FOUND: Member was not found.");
    expect(await outcome(() => issue.issueSignInLink(m, w.a.slug, { userId: "no-such-user" }))).toBe("NOT_FOUND: Member was not found.");
    // A lead or viewer of the programme gives nobody a link.
    const lead = await createUser(t.db, { name: "Lead", membership: { programmeId: w.a.id, role: "lead" } });
    expect(await outcome(() => issue.issueSignInLink(actorOf(lead), w.a.slug, { userId: off.id }))).toMatch(/^FORBIDDEN/);
  });
});

describe("using a link", () => {
  async function invited() {
    const w = await world();
    const person = await createUser(t.db, { name: "Invitee", membership: { programmeId: w.a.id, role: "viewer" } });
    const link = await issue.issueSignInLink(actorOf(w.managerA), w.a.slug, { userId: person.id });
    return { ...w, person, link, token: tokenOf(link.url) };
  }
  const use = (token: string, password = PASSWORD) => accept.acceptSignInLink({ token, password, passwordAgain: password }, here());

  it("refuses an expired link", async () => {
    const s = await invited();
    await t.db.invitation.update({ where: { id: s.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcome(() => use(s.token))).toMatch(/^CONFLICT: This link has expired/);
    expect(await passwordOf(s.person.id)).toBeNull();
  });

  it("refuses a withdrawn link, and withdrawing is recorded once", async () => {
    const s = await invited();
    await revoke.revokeSignInLink(actorOf(s.managerA), s.a.slug, { linkId: s.link.id });
    await revoke.revokeSignInLink(actorOf(s.managerA), s.a.slug, { linkId: s.link.id });
    expect(await outcome(() => use(s.token))).toMatch(/^CONFLICT: This link was withdrawn/);
    expect((await eventsOf(s.link.id)).map((e) => e.action)).toEqual(["invitation.created", "invitation.revoked"]);
    // Another programme's manager cannot even find it.
    expect(await outcome(() => revoke.revokeSignInLink(actorOf(s.managerB), s.b.slug, { linkId: s.link.id }))).toBe("NOT_FOUND: Sign-in link was not found.");
  });

  it("refuses a token that is not a link, or one character off", async () => {
    const s = await invited();
    expect(await outcome(() => use(`${s.token.slice(0, -1)}${s.token.endsWith("A") ? "B" : "A"}`))).toMatch(/^NOT_FOUND: This link is not valid/);
    expect(await outcome(() => use(randomUUID()))).toMatch(/^NOT_FOUND/);
  });

  it("sets the password of the person it names and no one else's: the form cannot name another user", async () => {
    const s = await invited();
    const other = await createUser(t.db, { name: "Other", membership: { programmeId: s.a.id, role: "manager" } });
    await credentials.setPassword(t.db, other.id, "others-password");
    const otherHash = await passwordOf(other.id);
    const { acceptSignInLinkSchema } = await import("./schemas");
    expect(acceptSignInLinkSchema.safeParse({ token: s.token, password: PASSWORD, passwordAgain: PASSWORD, userId: other.id }).success).toBe(false);
    expect(acceptSignInLinkSchema.safeParse({ token: s.token, password: PASSWORD, passwordAgain: PASSWORD, email: other.email }).success).toBe(false);
    await use(s.token);
    expect(await passwordOf(other.id)).toBe(otherHash);
    expect(await verifyPassword({ hash: (await passwordOf(s.person.id))!, password: PASSWORD })).toBe(true);
  });

  it("is void once its issuer could no longer give it: the person joined a programme the issuer does not manage", async () => {
    const s = await invited();
    await t.db.membership.create({ data: { userId: s.person.id, programmeId: s.b.id, role: "viewer" } });
    expect(await outcome(() => use(s.token))).toMatch(/^CONFLICT: This link can no longer be used/);
    expect(await passwordOf(s.person.id)).toBeNull();
  });

  it("is void once its issuer is no longer a manager, or the person left the programme", async () => {
    const s = await invited();
    await t.db.membership.update({ where: { userId_programmeId: { userId: s.managerA.id, programmeId: s.a.id } }, data: { role: "viewer" } });
    expect(await outcome(() => use(s.token))).toMatch(/^CONFLICT: This link can no longer be used/);
    const s2 = await invited();
    await t.db.membership.delete({ where: { userId_programmeId: { userId: s2.person.id, programmeId: s2.a.id } } });
    expect(await outcome(() => use(s2.token))).toMatch(/^CONFLICT: This link can no longer be used/);
  });

  it("works once when used twice at the same moment", async () => {
    const s = await invited();
    const results = await Promise.all([outcome(() => use(s.token, "first-password-1")), outcome(() => use(s.token, "second-password-2"))]);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.find((r) => r !== "ok")).toMatch(/already been used/);
    expect((await eventsOf(s.link.id)).filter((e) => e.action === "invitation.accepted")).toHaveLength(1);
  });

  it("a new link supersedes the person's earlier one, recorded as such", async () => {
    const s = await invited();
    const second = await issue.issueSignInLink(actorOf(s.managerA), s.a.slug, { userId: s.person.id });
    expect(await outcome(() => use(s.token))).toMatch(/withdrawn/);
    expect((await eventsOf(s.link.id)).map((e) => [e.action, (e.after as { reason?: string }).reason])).toEqual([
      ["invitation.created", undefined],
      ["invitation.revoked", "superseded"],
    ]);
    expect(await outcome(() => use(tokenOf(second.url)))).toBe("ok");
  });
});

describe("a password reset", () => {
  it("keeps the old password until the link is used, then replaces it and ends every session", async () => {
    const w = await world();
    const person = await createUser(t.db, { name: "Forgetful", membership: { programmeId: w.a.id, role: "lead" } });
    await credentials.setPassword(t.db, person.id, "the-old-password");
    await t.db.session.create({ data: { userId: person.id, token: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) } });
    const link = await issue.issueSignInLink(actorOf(w.managerA), w.a.slug, { userId: person.id });
    expect(link.purpose).toBe("password_reset");
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(await verifyPassword({ hash: (await passwordOf(person.id))!, password: "the-old-password" })).toBe(true);
    await accept.acceptSignInLink({ token: tokenOf(link.url), password: PASSWORD, passwordAgain: PASSWORD }, here());
    const hash = (await passwordOf(person.id))!;
    expect(await verifyPassword({ hash, password: "the-old-password" })).toBe(false);
    expect(await verifyPassword({ hash, password: PASSWORD })).toBe(true);
    expect(await t.db.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await eventsOf(link.id)).map((e) => e.action)).toEqual(["password_reset.issued", "invitation.accepted"]);
  });
});

describe("the per-address limit", () => {
  it("refuses an address after its attempts in the window, whatever the token, and not another address", async () => {
    const address = `limit-${randomUUID()}`;
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.reserveSignInLinkAttempt(address, now + i, 3));
    expect(results).toEqual([true, true, true, false]);
    expect(await limiter.reserveSignInLinkAttempt(`other-${address}`, now, 3)).toBe(true);
    // Five minutes later the window starts afresh.
    expect(await limiter.reserveSignInLinkAttempt(address, now + 5 * 60_000 + 1, 3)).toBe(true);
  });

  it("applies to using links: after the limit even a good link is refused until the window ends", async () => {
    const w = await world();
    const person = await createUser(t.db, { name: "Limited", membership: { programmeId: w.a.id, role: "viewer" } });
    const link = await issue.issueSignInLink(actorOf(w.managerA), w.a.slug, { userId: person.id });
    const from = { address: `limited-${randomUUID()}` };
    const { env } = await import("@/lib/env");
    for (let i = 0; i < env().FERRY_SIGNIN_RATE_LIMIT; i++) {
      expect(await outcome(() => accept.acceptSignInLink({ token: `guess-${i}`, password: PASSWORD, passwordAgain: PASSWORD }, from))).toMatch(/^NOT_FOUND/);
    }
    expect(await outcome(() => accept.acceptSignInLink({ token: tokenOf(link.url), password: PASSWORD, passwordAgain: PASSWORD }, from))).toMatch(/^RATE_LIMITED/);
    expect(await passwordOf(person.id)).toBeNull();
  });
});
