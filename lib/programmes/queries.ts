import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ProgrammeSummary } from "./schemas";
import { programmeStartPath } from "./start-path";

/** Programmes the actor can see, by name. Administrators see all of them. */
export const listProgrammes = cache(async (actor: Actor): Promise<ProgrammeSummary[]> => {
  const rows = await db.programme.findMany({
    where: {
      archivedAt: null,
      ...(actor.programmeScope ? { id: actor.programmeScope } : {}),
      ...(actor.isAdmin ? {} : { memberships: { some: { userId: actor.userId ?? "-" } } }),
    },
    select: { slug: true, name: true, targetDate: true },
    orderBy: { name: "asc" },
  });
  return rows.map((p) => ({ slug: p.slug, name: p.name, targetDate: p.targetDate ? p.targetDate.toISOString().slice(0, 10) : null }));
});

/**
 * Each listed programme's start page for this person (programmeStartPath: My work where they
 * lead), with one query for their roles. Administrators manage everywhere: the overview.
 */
export const programmeStartPaths = cache(async (actor: Actor): Promise<Map<string, string>> => {
  const programmes = await listProgrammes(actor);
  const roles = new Map<string, Role>();
  if (!actor.isAdmin && actor.userId) {
    const memberships = await db.membership.findMany({ where: { userId: actor.userId, programme: { slug: { in: programmes.map((p) => p.slug) } } }, select: { role: true, programme: { select: { slug: true } } } });
    for (const m of memberships) roles.set(m.programme.slug, m.role);
  }
  return new Map(programmes.map((p) => [p.slug, programmeStartPath(p.slug, actor.isAdmin ? "manager" : (roles.get(p.slug) ?? "viewer"))]));
});
