/** What the token mutations share: who manages a service account, and where a token's events go. */
import "server-only";
import { db } from "@/lib/db";
import type { EventPayload } from "@/lib/events/catalogue";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";

/** A manager of the service account's home programme, acting inside it (a scoped token elsewhere cannot). */
export async function managesServiceAccount(actor: Actor, target: { isServiceAccount: boolean; homeProgrammeId: string | null }): Promise<boolean> {
  if (!target.isServiceAccount || !target.homeProgrammeId || !actor.userId) return false;
  if (actor.programmeScope && actor.programmeScope !== target.homeProgrammeId) return false;
  const membership = await db.membership.findUnique({
    where: { userId_programmeId: { userId: actor.userId, programmeId: target.homeProgrammeId } },
    select: { role: true, programme: { select: { archivedAt: true } } },
  });
  return membership?.role === "manager" && !membership.programme.archivedAt;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * A token concerns every programme it reaches: each of their audit logs gets the event (one
 * row per programme, the same entity), and a token reaching none gets a deployment-level one.
 */
export async function recordTokenEvents(tx: Tx, actor: Actor, programmeIds: string[], tokenId: string, event: TokenEvent): Promise<void> {
  const targets = programmeIds.length ? [...new Set(programmeIds)] : [null];
  for (const programmeId of targets) await recordEvent(tx, actor, { programmeId, entityType: "api_token", entityId: tokenId, ...event });
}

export type TokenEvent = { action: "api_token.created"; after: EventPayload<"api_token.created">["after"] } | { action: "api_token.revoked"; after: EventPayload<"api_token.revoked">["after"] };
