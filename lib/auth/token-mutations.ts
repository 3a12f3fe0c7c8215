import "server-only";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { EventPayload } from "@/lib/events/catalogue";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "./actor";
import type { CreateTokenInput } from "./schemas";
import { forgetCachedTokens } from "./api-auth";
import { generateToken, hashToken, tokenPrefix } from "./tokens";

/** A page that manages tokens names its programme: a personal token made there reaches that programme only. */
type TokenContext = { programmeId?: string };

const NOT_YOURS = "You can create tokens only for yourself or for a service account of a programme you manage.";

/**
 * Creates an API token for the user with `input.email` and returns it once; only its hash is
 * kept. Who may mint for whom (API.md `POST /tokens`):
 * - anyone for themself; the token is no wider than the caller's own reach (a scoped token
 *   mints scoped tokens; a page mints for its programme);
 * - a programme manager for a service account of that programme, scoped to it;
 * - the deployment administrator (an administrator user or FERRY_ADMIN_TOKEN) for anyone.
 * Nobody else mints a token for another person: adding someone to your programme does not let
 * you act as them elsewhere.
 */
export async function createApiToken(actor: Actor, input: CreateTokenInput, context: TokenContext = {}): Promise<{ token: string; id: string }> {
  const target = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, disabledAt: true, isServiceAccount: true, homeProgrammeId: true, memberships: { select: { programmeId: true } } },
  });
  const isSelf = Boolean(target && actor.userId && actor.userId === target.id);
  // Asking for a token of someone you may not mint for reads the same as asking for nobody.
  if (!target) throw actor.isAdmin ? notFound("User") : forbidden(NOT_YOURS);
  if (!isSelf && !actor.isAdmin && !(await managesServiceAccount(actor, target))) throw forbidden(NOT_YOURS);
  if (target.disabledAt) throw new AppError("CONFLICT", "That user is disabled.");

  const scope = tokenScope(actor, target, context);
  if (target.isServiceAccount && !scope) throw new AppError("CONFLICT", "That service account belongs to no programme any more.");
  const token = generateToken();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: target.id, name: input.name, tokenHash: hashToken(token), prefix: tokenPrefix(token), programmeId: scope },
      select: { id: true, prefix: true },
    });
    const programmeIds = scope ? [scope] : target.memberships.map((m) => m.programmeId);
    await recordTokenEvents(tx, actor, programmeIds, row.id, { action: "api_token.created", after: { name: input.name, prefix: row.prefix, userId: target.id, programmeId: scope } });
    return row;
  });
  return { token, id: created.id };
}

/**
 * The one programme a new token reaches, or null for all of its user's. A service account's
 * token always stays in its home programme; a person's is no wider than the caller's reach.
 */
function tokenScope(actor: Actor, target: { isServiceAccount: boolean; homeProgrammeId: string | null }, context: TokenContext): string | null {
  if (target.isServiceAccount) return target.homeProgrammeId;
  return actor.programmeScope ?? context.programmeId ?? null;
}

/** A manager of the service account's home programme, acting inside it (a scoped token elsewhere cannot). */
async function managesServiceAccount(actor: Actor, target: { isServiceAccount: boolean; homeProgrammeId: string | null }): Promise<boolean> {
  if (!target.isServiceAccount || !target.homeProgrammeId || !actor.userId) return false;
  if (actor.programmeScope && actor.programmeScope !== target.homeProgrammeId) return false;
  const membership = await db.membership.findUnique({
    where: { userId_programmeId: { userId: actor.userId, programmeId: target.homeProgrammeId } },
    select: { role: true, programme: { select: { archivedAt: true } } },
  });
  return membership?.role === "manager" && !membership.programme.archivedAt;
}

/**
 * Revokes a token: its owner, an administrator, or a manager of the service account's home
 * programme. Revoked tokens stay listed, marked.
 */
export async function revokeApiToken(actor: Actor, input: { tokenId: string }): Promise<void> {
  const token = await db.apiToken.findUnique({
    where: { id: input.tokenId },
    select: {
      id: true,
      userId: true,
      revokedAt: true,
      name: true,
      programmeId: true,
      user: { select: { isServiceAccount: true, homeProgrammeId: true, memberships: { select: { programmeId: true } } } },
    },
  });
  if (!token) throw notFound("Token");
  const isOwner = token.userId === actor.userId && (!actor.programmeScope || token.programmeId === actor.programmeScope);
  if (!actor.isAdmin && !isOwner && !(await managesServiceAccount(actor, token.user))) throw notFound("Token");
  if (token.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    const programmeIds = token.programmeId ? [token.programmeId] : token.user.memberships.map((m) => m.programmeId);
    await recordTokenEvents(tx, actor, programmeIds, token.id, { action: "api_token.revoked", after: { name: token.name, userId: token.userId, programmeId: token.programmeId } });
  });
  // Revoked here means refused from the next request on, not after the lookup cache expires.
  forgetCachedTokens();
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * A token concerns every programme it reaches: each of their audit logs gets the event (one
 * row per programme, the same entity), and a token reaching none gets a deployment-level one.
 */
async function recordTokenEvents(tx: Tx, actor: Actor, programmeIds: string[], tokenId: string, event: TokenEvent): Promise<void> {
  const targets = programmeIds.length ? [...new Set(programmeIds)] : [null];
  for (const programmeId of targets) await recordEvent(tx, actor, { programmeId, entityType: "api_token", entityId: tokenId, ...event });
}

type TokenEvent = { action: "api_token.created"; after: EventPayload<"api_token.created">["after"] } | { action: "api_token.revoked"; after: EventPayload<"api_token.revoked">["after"] };
