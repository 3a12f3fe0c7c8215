/**
 * Who may give whom a one-time sign-in link (an invitation to set a first password, or a
 * password reset), how long a link lives and what state it is in. Pure, so the rule is
 * table-tested; the mutations load the facts and call it, at issue time and again when the
 * link is used (ADR 34).
 *
 * The manager who issues a link sees it, so until the person uses it the manager could use it
 * and become that person everywhere they are a member. A link is therefore only given by
 * someone who could already act in every one of those programmes: a manager of all of them,
 * or the deployment administrator. Adding someone to your programme gives you no way into
 * their account (the same rule as tokens, ADR 19).
 */

export type SignInLinkPurpose = "invitation" | "password_reset";

/** Invitations wait a week for a new colleague; a reset is for someone locked out now. */
export const LINK_TTL_MS: Record<SignInLinkPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  password_reset: 24 * 60 * 60_000,
};

/** Who issues the link, as they stand when it is issued or used. */
export type LinkIssuer = {
  isAdmin: boolean;
  /** Programmes the issuer is a manager of. */
  managerOf: readonly string[];
  /** Set when the issuer acted with a token scoped to one programme: the link reaches no further. */
  scope: string | null;
};

/** The person the link signs in. */
export type LinkTarget = {
  name: string;
  isServiceAccount: boolean;
  isAdmin: boolean;
  disabled: boolean;
  signsInWithSso: boolean;
  /** Every programme the person is a member of, archived ones included (they can be restored). */
  memberOf: readonly string[];
};

export type LinkDecision = { allowed: true } | { allowed: false; code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT"; reason: string };

const refuse = (code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT", reason: string): LinkDecision => ({ allowed: false, code, reason });

/** Whether `issuer` may give `target` a sign-in link from `programmeId`. */
export function maySignInLinkBeIssued(issuer: LinkIssuer, target: LinkTarget, programmeId: string): LinkDecision {
  if (!target.memberOf.includes(programmeId)) return refuse("NOT_FOUND", "Member was not found.");
  if (target.isServiceAccount) return refuse("CONFLICT", `${target.name} is a service account: it signs in with API tokens, never a password.`);
  if (target.disabled) return refuse("CONFLICT", `${target.name}'s account is disabled.`);
  if (target.signsInWithSso) return refuse("CONFLICT", `${target.name} signs in with SSO: their password belongs to the identity provider.`);
  if (issuer.scope !== null && (issuer.scope !== programmeId || target.memberOf.some((p) => p !== issuer.scope))) {
    return refuse("FORBIDDEN", `${target.name} is also a member of a programme this token cannot reach: a sign-in link would reach it too.`);
  }
  if (issuer.isAdmin) return { allowed: true };
  if (target.isAdmin) return refuse("FORBIDDEN", `${target.name} is a deployment administrator: only an administrator can give them a sign-in link.`);
  const managed = new Set(issuer.managerOf);
  if (target.memberOf.every((p) => managed.has(p))) return { allowed: true };
  return refuse(
    "FORBIDDEN",
    `${target.name} is also a member of a programme you do not manage. A sign-in link opens their whole account, so only a manager of every programme they belong to, or the administrator, can give one.`,
  );
}

export type LinkState = "usable" | "used" | "revoked" | "expired";

/** A link's state at `now`: used and revoked outrank expiry, since they say what happened. */
export function signInLinkState(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "usable";
}

/** What the link's page says when it cannot be used; one sentence a person can act on. */
export const UNUSABLE_LINK_MESSAGE: Record<Exclude<LinkState, "usable"> | "unknown" | "void", string> = {
  used: "This link has already been used. Links work once: sign in with your password, or ask a programme manager for a new link.",
  revoked: "This link was withdrawn. Ask a programme manager for a new one.",
  expired: "This link has expired. Ask a programme manager for a new one.",
  unknown: "This link is not valid. Check that you copied all of it, or ask a programme manager for a new one.",
  // The issuer's authority no longer covers the person (they joined another programme since, say).
  void: "This link can no longer be used. Ask a programme manager for a new one.",
};
