import "server-only";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import type { CreateTokenInput } from "../schemas";
import { generateToken, hashToken, tokenPrefix } from "../tokens";
import { managesServiceAccount, recordTokenEvents } from "./shared";

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
