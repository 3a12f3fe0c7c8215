import "server-only";
import { notFound } from "next/navigation";
import { getProgrammeAccessOrThrow, type ProgrammeAccess } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { textProblem } from "@/lib/validation/text";

/** For pages: the actor and the programme they may see, or Next's not-found page. */
export async function getProgrammeForPage(slug: string): Promise<{ actor: Actor; programme: ProgrammeAccess }> {
  const actor = await requirePageActor();
  // A slug that could not be stored names no programme (and would be refused by the database).
  if (textProblem(slug)) notFound();
  try {
    return { actor, programme: await getProgrammeAccessOrThrow(actor, slug) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
