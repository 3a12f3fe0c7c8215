import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { createPasswordUser } from "../credentials";
import type { SetupInput } from "../schemas";
import { closeSetup, isSetupOpen, setupCodeMatches } from "../setup-code";

/** How a setup attempt ended; only "created" wrote anything. */
export type SetupOutcome = "created" | "closed" | "wrong-code" | "taken";

/**
 * The one-time setup: the first administrator of a fresh deployment. There is no actor yet:
 * the setup code from the server log is the authorization, and setup closes for good in the
 * same transaction that creates the administrator.
 */
export async function createFirstAdministrator(input: SetupInput): Promise<SetupOutcome> {
  const { name, email, password, code } = input;
  return db.$transaction(async (tx) => {
    // Serialise concurrent setups: only the first may create the administrator.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7471001)`;
    if (!(await isSetupOpen(tx))) return "closed";
    if (!(await setupCodeMatches(tx, code))) return "wrong-code";
    if (await tx.user.count({ where: { email } })) return "taken";
    const userId = await createPasswordUser(tx, { email, name, password, isAdmin: true });
    await closeSetup(tx);
    await recordEvent(tx, { userId, name, isAdmin: true }, { programmeId: null, entityType: "user", entityId: userId, action: "user.created_as_administrator", after: { email } });
    return "created";
  });
}
