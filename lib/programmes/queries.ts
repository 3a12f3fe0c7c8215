import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { ProgrammeSummary } from "./schemas";

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
