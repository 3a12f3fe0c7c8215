import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { Actor } from "../actor";
import { emailDomainAllowed, ssoConfig } from "../config";
import type { CreateUserInput } from "../schemas";
import { createUser } from "./create-user";
import { issueSignInLink, type IssuedSignInLink } from "./issue-sign-in-link";

export type AddedMember = {
  id: string;
  email: string;
  /** The invitation, shown once, for a person with no way to sign in yet. */
  link: IssuedSignInLink | null;
  /** Why there is no invitation when one might be expected. */
  note: string | null;
};

/**
 * The people page's "Add member": createUser, then, for a person who has no way to sign in
 * (no password, no SSO account, and an email SSO would not take), an invitation link
 * (issueSignInLink, its own transaction with its own event). When the person already belongs
 * to a programme this manager does not manage, no link is made (ADR 34) and the note says so;
 * the membership stands either way.
 */
export async function addMember(actor: Actor, programmeSlug: string, input: CreateUserInput & { isServiceAccount?: boolean }): Promise<AddedMember> {
  const user = await createUser(actor, programmeSlug, input);
  if (input.isServiceAccount) return { ...user, link: null, note: null };
  const accounts = await db.account.count({ where: { userId: user.id } });
  if (accounts > 0) return { ...user, link: null, note: null };
  const sso = ssoConfig(env());
  if (sso && emailDomainAllowed(user.email, sso.allowedDomains)) return { ...user, link: null, note: `They sign in with ${sso.name}.` };
  try {
    return { ...user, link: await issueSignInLink(actor, programmeSlug, { userId: user.id }), note: null };
  } catch (error) {
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "CONFLICT")) return { ...user, link: null, note: error.message };
    throw error;
  }
}
