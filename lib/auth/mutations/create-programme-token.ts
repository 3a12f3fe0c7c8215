import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { getProgrammeAccessOrThrow } from "../access";
import type { CreateProgrammeTokenInput } from "../schemas";
import { createApiToken } from "./create-api-token";

/**
 * A token made on a programme's tokens page, for the signed-in person or one of the
 * programme's service accounts (`forUserId`): the programme must be visible to the actor, a
 * personal token made here reaches this programme only, and who may mint for whom is
 * createApiToken's rule.
 */
export async function createProgrammeToken(actor: Actor, programmeSlug: string, input: CreateProgrammeTokenInput): Promise<{ token: string; id: string }> {
  // The programme first: nothing is said about a user to someone who cannot see it.
  const { id: programmeId } = await getProgrammeAccessOrThrow(actor, programmeSlug);
  const userId = input.forUserId ?? actor.userId;
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
  if (!user) throw notFound("User");
  return createApiToken(actor, { email: user.email, name: input.name }, { programmeId });
}
