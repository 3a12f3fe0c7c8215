"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/actions/result";
import { formDataToObject } from "@/lib/actions/define-action";
import { recordEvent } from "@/lib/events/record";
import { log } from "@/lib/log";
import { getAuth } from "./better-auth";
import { createPasswordUser } from "./credentials";
import { closeSetup, isSetupOpen, setupCodeMatches } from "./setup-code";
import { setupSchema } from "./schemas";

const invalid = (error: z.ZodError): ActionResult<never> => ({
  ok: false,
  formError: "Please correct the highlighted fields.",
  fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
});

const WRONG_CODE = "That setup code is not the one in Ferry's server log. Copy it from the log line that starts with \"Setup code\".";

/**
 * The one-time setup: the first administrator of a fresh deployment. Anyone can reach this
 * page, so it asks for the setup code from the server log and closes for good once an
 * administrator exists.
 */
export async function setupAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const parsed = setupSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { name, email, password, code } = parsed.data;
  try {
    const created = await db.$transaction(async (tx) => {
      // Serialise concurrent setups: only the first may create the administrator.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7471001)`;
      if (!(await isSetupOpen(tx))) return "closed" as const;
      if (!(await setupCodeMatches(tx, code))) return "wrong-code" as const;
      if (await tx.user.count({ where: { email } })) return "taken" as const;
      const userId = await createPasswordUser(tx, { email, name, password, isAdmin: true });
      await closeSetup(tx);
      await recordEvent(tx, { userId, name, isAdmin: true }, { programmeId: null, entityType: "user", entityId: userId, action: "user.created_as_administrator", after: { email } });
      return userId;
    });
    if (created === "closed") return { ok: false, formError: "Setup is already done: sign in instead.", fieldErrors: {} };
    if (created === "wrong-code") {
      log.warn("setup refused: wrong setup code");
      return { ok: false, formError: WRONG_CODE, fieldErrors: { code: ["does not match the code in the server log"] } };
    }
    if (created === "taken") return { ok: false, formError: "That email already has an account.", fieldErrors: { email: ["already has an account"] } };
    await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    log.error("setup failed", { error: error instanceof Error ? error : String(error) });
    return { ok: false, formError: "Setup failed on our side. Try again.", fieldErrors: {} };
  }
  redirect("/");
}
