import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import type { Actor } from "./actor";

export type ProgrammeAccess = { id: string; slug: string; name: string; role: Role };

/**
 * The programme behind a slug and the actor's role in it. A programme the actor may not see
 * is NOT_FOUND, exactly like one that does not exist, so ids and slugs leak nothing.
 */
export const getProgrammeAccessOrThrow = cache(async (actor: Actor, slug: string): Promise<ProgrammeAccess> => {
  const programme = await db.programme.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      archivedAt: true,
      memberships: actor.userId ? { where: { userId: actor.userId }, select: { role: true } } : false,
    },
  });
  return programmeAccessOf(actor, programme && { ...programme, role: programme.memberships?.[0]?.role ?? null });
});

/**
 * The rule above over an already loaded row (a hot path may read the programme together with
 * its target in one query): archived, absent, outside a scoped token's programme, or not a member is NOT_FOUND;
 * admins manage.
 */
export function programmeAccessOf(actor: Actor, row: { id: string; slug: string; name: string; archivedAt: Date | null; role: Role | null } | null): ProgrammeAccess {
  if (!row || row.archivedAt) throw notFound("Programme");
  if (actor.programmeScope && actor.programmeScope !== row.id) throw notFound("Programme");
  const role: Role | null = actor.isAdmin ? "manager" : row.role;
  if (!role) throw notFound("Programme");
  return { id: row.id, slug: row.slug, name: row.name, role };
}
