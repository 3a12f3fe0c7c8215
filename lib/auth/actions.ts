"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/actions/result";
import { formDataToObject } from "@/lib/actions/define-action";
import { recordEvent } from "@/lib/events/record";
import { log } from "@/lib/log";
import { getAuth, SSO_PROVIDER, ssoEnabled } from "./better-auth";
import { createPasswordUser } from "./credentials";
import { allowSignInAttempt } from "./sign-in-limiter";
import { safeNextPath, setupSchema, signInSchema } from "./schemas";

// Sign-in and setup come before there is an actor, so they do not use defineAction; they
// return the same ActionResult shape.

const invalid = (error: z.ZodError): ActionResult<never> => ({
  ok: false,
  formError: "Please correct the highlighted fields.",
  fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
});

/** Email and password sign-in. Wrong password and unknown email get the same answer. */
export async function signInAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const h = await headers();
  const client = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  if (!(await allowSignInAttempt([`email:${parsed.data.email}`, `ip:${client}`]))) {
    return { ok: false, formError: "Too many sign-in attempts. Wait a few minutes and try again.", fieldErrors: {} };
  }
  try {
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: h });
  } catch {
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

/** The one-time setup: the first administrator of a fresh deployment. */
export async function setupAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const parsed = setupSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { name, email, password } = parsed.data;
  try {
    const created = await db.$transaction(async (tx) => {
      // Serialise concurrent setups: only the first may create the administrator.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7471001)`;
      if (await tx.user.count({ where: { isAdmin: true } })) return null;
      if (await tx.user.count({ where: { email } })) return "taken" as const;
      const userId = await createPasswordUser(tx, { email, name, password, isAdmin: true });
      await recordEvent(tx, { userId, name, isAdmin: true }, { programmeId: null, entityType: "user", entityId: userId, action: "user.created_as_administrator", after: { email } });
      return userId;
    });
    if (created === null) return { ok: false, formError: "Setup is already done: sign in instead.", fieldErrors: {} };
    if (created === "taken") return { ok: false, formError: "That email already has an account.", fieldErrors: { email: ["already has an account"] } };
    await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    log.error("setup failed", { error: error instanceof Error ? error : String(error) });
    return { ok: false, formError: "Setup failed on our side. Try again.", fieldErrors: {} };
  }
  redirect("/");
}
