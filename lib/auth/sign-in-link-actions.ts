"use server";
/**
 * Server-action adapters of one-time sign-in links: a manager gives or withdraws one (the form
 * binds the programme slug), and the person uses theirs on /invite, which then signs them in.
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formDataToObject, invalidInput, withSubmittedValues } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { env } from "@/lib/env";
import { errorPayload, isAppError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { getAuth } from "./better-auth";
import { acceptSignInLink, type AcceptedSignInLink } from "./mutations/accept-sign-in-link";
import { issueSignInLink, type IssuedSignInLink } from "./mutations/issue-sign-in-link";
import { revokeSignInLink } from "./mutations/revoke-sign-in-link";
import { acceptSignInLinkSchema, issueSignInLinkSchema, revokeSignInLinkSchema } from "./schemas";

const revalidatePeople = (programmeSlug: string) => revalidatePath(`/p/${programmeSlug}/settings/people`);

/** Gives a member an invitation or a password reset link, returned once for the page to show. */
export async function issueSignInLinkAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<IssuedSignInLink>> {
  const result = await defineAction(issueSignInLinkSchema, (actor, input) => issueSignInLink(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePeople(programmeSlug);
  return result;
}

export async function revokeSignInLinkAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<void>> {
  const result = await defineAction(revokeSignInLinkSchema, (actor, input) => revokeSignInLink(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePeople(programmeSlug);
  return result;
}

/**
 * The link's page: sets the password (acceptSignInLink), then signs the person in with it and
 * takes them to the programme that invited them (a lead to My work there). Anyone can post here; the token is what
 * authorises it, and the mutation limits attempts per client address.
 */
export async function acceptSignInLinkAction(_previous: unknown, form: FormData): Promise<ActionResult<never>> {
  const parsed = acceptSignInLinkSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return withSubmittedValues(invalidInput(parsed.error), form);
  const h = await headers();
  let accepted: AcceptedSignInLink;
  try {
    accepted = await acceptSignInLink(parsed.data, { address: requestClientAddress(h, env().FERRY_TRUSTED_PROXIES) });
  } catch (error) {
    if (isAppError(error)) return withSubmittedValues({ ok: false, formError: error.message, fieldErrors: {}, ...errorPayload(error) }, form);
    log.error("sign-in link failed", { requestId: h.get("x-request-id") ?? undefined, error: error instanceof Error ? error : String(error) });
    return withSubmittedValues({ ok: false, code: "INTERNAL", formError: "Setting your password failed on our side. Try the link again.", fieldErrors: {} }, form);
  }
  // The password is set either way; should the sign-in after it be refused (by its limiter, say), the person signs in on the sign-in page.
  const signedIn = await getAuth()
    .api.signInEmail({ body: { email: accepted.email, password: parsed.data.password }, headers: h })
    .then(() => true, () => false);
  redirect(signedIn ? accepted.startPath : "/sign-in");
}
