import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { eventData } from "@/lib/events/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SERVICE_SELECT, rowToService } from "@/lib/inventory/load-inventory";
import { bulkUpdateServices, insertEvents } from "@/lib/inventory/write-inventory";
import { bulkEditServicesSchema, type BulkEditServicesInput } from "../schemas";
import { changedFields, teamIdOrThrow } from "./shared";

/**
 * Sets owner team, strategy, tier, tags or target namespace on many services in one
 * transaction, with one event per service that actually changed. A lead may bulk-edit only
 * services their teams own.
 */
export async function bulkEditServices(actor: Actor, programmeSlug: string, input: BulkEditServicesInput): Promise<{ changed: number; unchanged: number }> {
  const edit = bulkEditServicesSchema.parse(input);
  const ids = [...new Set(edit.ids)];
  const owners = await db.service.findMany({ where: { id: { in: ids }, programme: { slug: programmeSlug } }, select: { teamId: true } });
  const newTeam = edit.team ? await db.team.findFirst({ where: { name: edit.team, programme: { slug: programmeSlug } }, select: { id: true } }) : null;
  const programme = await authorize(actor, programmeSlug, "service.edit", [...new Set(owners.map((o) => o.teamId)), ...(newTeam ? [newTeam.id] : [])]);
  return db.$transaction(
    async (tx) => {
      const rows = await tx.service.findMany({ where: { id: { in: ids }, programmeId: programme.id }, select: SERVICE_SELECT });
      if (rows.length !== ids.length) throw new AppError("NOT_FOUND", `${ids.length - rows.length} of the selected services no longer exist; reload the list.`);
      const teamId = edit.team === undefined ? undefined : await teamIdOrThrow(tx, programme.id, edit.team);
      const teams = new Map((await tx.team.findMany({ where: { programmeId: programme.id }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
      const now = new Date();
      const events: Prisma.EventUncheckedCreateInput[] = [];
      const updates = [];
      for (const row of rows) {
        const before = rowToService(row, (id) => (id ? (teams.get(id) ?? null) : null));
        const next = { ...before };
        if (edit.team !== undefined) next.team = edit.team;
        if (edit.strategy) next.strategy = edit.strategy;
        if (edit.tier) next.tier = edit.tier;
        if (edit.targetNamespace !== undefined) next.targetNamespace = edit.targetNamespace || null;
        if (edit.addTags || edit.removeTags) {
          const remove = new Set(edit.removeTags ?? []);
          next.tags = [...new Set([...before.tags, ...(edit.addTags ?? [])])].filter((t) => !remove.has(t));
        }
        const diff = changedFields(before, next);
        if (!diff) continue;
        events.push(eventData(actor, { programmeId: programme.id, entityType: "service", entityId: row.id, action: "service.updated", before: diff.before as Prisma.InputJsonValue, after: diff.after as Prisma.InputJsonValue }));
        const { team: _team, ...fields } = next;
        updates.push({ ...fields, id: row.id, programmeId: programme.id, teamId: teamId === undefined ? row.teamId : teamId, sliceId: row.sliceId, updatedAt: now });
      }
      await bulkUpdateServices(tx, updates);
      await insertEvents(tx, events);
      return { changed: updates.length, unchanged: rows.length - updates.length };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
