"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { formDataToObject } from "@/lib/actions/define-action";
import { getAuth, SSO_PROVIDER, ssoEnabled } from "./better-auth";
import { SIGN_IN_REFUSED_CODE, SIGN_IN_REFUSED_MESSAGE } from "./sign-in-limiter";
import { safeNextPath, signInSchema } from "./schemas";

// Sign-in comes before there is an actor, so it does not use defineAction; it returns the
// same ActionResult shape.

const invalid = (error: z.ZodError): ActionResult<never> => ({
  ok: false,
  formError: "Please correct the highlighted fields.",
  fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
});

/**
 * Email and password sign-in. Wrong password and unknown email get the same answer. The limit
 * is not checked here: better-auth's `/sign-in/email` hook (sign-in-limiter.ts) decides for
 * this action and for the HTTP endpoint alike, from the same request headers.
 */
export async function signInAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === SIGN_IN_REFUSED_CODE) return { ok: false, formError: SIGN_IN_REFUSED_MESSAGE, fieldErrors: {} };
    return { ok: false, formError: "That email and password do not match an account.", fieldErrors: {} };
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
