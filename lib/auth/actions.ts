"use server";
/**
 * Server-action adapters of the auth domain: sign-in, sign-out and the one-time setup (which act
 * before there is an actor, so they parse their form themselves and return the same
 * ActionResult), then people and tokens (defineAction; the form binds the programme slug).
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { defineAction, formDataToObject, invalidInput, withSubmittedValues } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { log } from "@/lib/log";
import { getAuth, SSO_PROVIDER, ssoEnabled } from "./better-auth";
import { createFirstAdministrator } from "./mutations/create-first-administrator";
import { createProgrammeToken } from "./mutations/create-programme-token";
import { addMember, type AddedMember } from "./mutations/add-member";
import { removeMember } from "./mutations/remove-member";
import { revokeApiToken } from "./mutations/revoke-api-token";
import { setMemberRole } from "./mutations/set-member-role";
import { setMemberTeams } from "./mutations/set-member-teams";
import { SIGN_IN_REFUSED_CODE, SIGN_IN_REFUSED_MESSAGE } from "./sign-in-limiter";
import {
  addMemberSchema,
  createProgrammeTokenSchema,
  removeMemberSchema,
  revokeTokenSchema,
  safeNextPath,
  setMemberRoleSchema,
  setMemberTeamsSchema,
  setupSchema,
  signInSchema,
} from "./schemas";


/**
 * Email and password sign-in. Wrong password and unknown email get the same answer. The limit
 * is not checked here: better-auth's `/sign-in/email` hook (sign-in-limiter.ts) decides for
 * this action and for the HTTP endpoint alike, from the same request headers.
 */
export async function signInAction(_previous: unknown, form: FormData): Promise<ActionResult<never>> {
  // A refusal keeps the email typed (never the password): withSubmittedValues.
  const parsed = signInSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return withSubmittedValues(invalidInput(parsed.error), form);
  try {
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === SIGN_IN_REFUSED_CODE) return withSubmittedValues({ ok: false, formError: SIGN_IN_REFUSED_MESSAGE, fieldErrors: {} }, form);
    return withSubmittedValues({ ok: false, formError: "That email and password do not match an account.", fieldErrors: {} }, form);
  }
  redirect(safeNextPath(parsed.data.next));
}

/** Starts the OpenID Connect sign-in: off to the company's identity provider. */
export async function ssoSignInAction(form: FormData): Promise<void> {
  if (!ssoEnabled()) redirect("/sign-in");
  const next = safeNextPath(typeof form.get("next") === "string" ? String(form.get("next")) : undefined);
  const result = await getAuth().api.signInSocial({ body: { provider: SSO_PROVIDER, callbackURL: next, errorCallbackURL: "/sign-in?error=sso" }, headers: await headers() });
  if (!result.url) redirect("/sign-in?error=sso");
  redirect(result.url);
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}

const WRONG_CODE = "That setup code is not the one in Ferry's server log. Copy it from the log line that starts with \"Setup code\".";

/**
 * The one-time setup page (createFirstAdministrator), then signed in as that administrator.
 * Anyone can reach this page; the setup code is what authorises it.
 */
export async function setupAction(_previous: unknown, form: FormData): Promise<ActionResult<never>> {
  return withSubmittedValues(await setUp(form), form);
}

async function setUp(form: FormData): Promise<ActionResult<never>> {
  const parsed = setupSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await createFirstAdministrator(parsed.data);
    if (outcome === "closed") return { ok: false, formError: "Setup is already done: sign in instead.", fieldErrors: {} };
    if (outcome === "wrong-code") {
      log.warn("setup refused: wrong setup code");
      return { ok: false, formError: WRONG_CODE, fieldErrors: { code: ["does not match the code in the server log"] } };
    }
    if (outcome === "taken") return { ok: false, formError: "That email already has an account.", fieldErrors: { email: ["already has an account"] } };
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    log.error("setup failed", { error: error instanceof Error ? error : String(error) });
    return { ok: false, formError: "Setup failed on our side. Try again.", fieldErrors: {} };
  }
  redirect("/");
}

const revalidateTokens = (programmeSlug: string) => revalidatePath(`/p/${programmeSlug}/settings/tokens`);
const revalidatePeople = (programmeSlug: string) => revalidatePath(`/p/${programmeSlug}/settings/people`);

/** Creates a token and returns it once for the page to show. */
export async function createTokenAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ token: string; id: string }>> {
  const result = await defineAction(createProgrammeTokenSchema, (actor, input) => createProgrammeToken(actor, programmeSlug, input))(form);
  if (result.ok) revalidateTokens(programmeSlug);
  return result;
}

export async function revokeTokenAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<void>> {
  const result = await defineAction(revokeTokenSchema, (actor, input) => revokeApiToken(actor, input, { programmeSlug }))(form);
  if (result.ok) revalidateTokens(programmeSlug);
  return result;
}

/** Adds a member; a person with no way to sign in gets an invitation link, returned once (addMember). */
export async function addMemberAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<AddedMember>> {
  const result = await defineAction(addMemberSchema, (actor, input) => addMember(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePeople(programmeSlug);
  return result;
}

export async function setRoleAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<void>> {
  const result = await defineAction(setMemberRoleSchema, (actor, input) => setMemberRole(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePeople(programmeSlug);
  return result;
}

export async function removeMemberAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<void>> {
  const result = await defineAction(removeMemberSchema, (actor, input) => removeMember(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePeople(programmeSlug);
  return result;
}

export async function setTeamsAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<void>> {
  const result = await defineAction(setMemberTeamsSchema, (actor, input) => setMemberTeams(actor, programmeSlug, input))(form);
  if (result.ok) revalidatePeople(programmeSlug);
  return result;
}
