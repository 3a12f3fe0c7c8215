import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { isUniqueViolation } from "@/lib/db/errors";
import { slugify, type CreateProgrammeInput } from "../schemas";

/** Creates a programme; only a deployment administrator may. */
export async function createProgramme(actor: Actor, input: CreateProgrammeInput): Promise<{ slug: string; name: string }> {
  if (!actor.isAdmin) throw forbidden("Only a deployment administrator can create programmes.");
  const slug = input.slug ?? slugify(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const programme = await tx.programme.create({
        data: {
          slug,
          name: input.name,
          targetDate: input.targetDate ? new Date(`${input.targetDate}T00:00:00Z`) : null,
          memberships: actor.userId ? { create: { userId: actor.userId, role: "manager" } } : undefined,
        },
        select: { id: true, slug: true, name: true, targetDate: true },
      });
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "programme",
        entityId: programme.id,
        action: "programme.created",
        after: { slug, name: input.name, targetDate: input.targetDate ?? null },
      });
      return { slug: programme.slug, name: programme.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A programme with the slug "${slug}" already exists.`, [{ path: "slug", message: "already taken" }]);
    throw error;
  }
}
