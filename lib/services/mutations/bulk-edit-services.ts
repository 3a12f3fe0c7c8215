import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { bulkEditServicesSchema, type BulkEditServicesInput } from "../schemas";
import { applyBulkEdit } from "./bulk-edit-core";

/**
 * Sets owner team, strategy, tier, tags or target namespace on many services in one
 * transaction, with one event per service that actually changed. A lead may bulk-edit only
 * services their teams own, and hand them only to another of their teams (never to none).
 */
export async function bulkEditServices(actor: Actor, programmeSlug: string, input: BulkEditServicesInput): Promise<{ changed: number; unchanged: number }> {
  const edit = bulkEditServicesSchema.parse(input);
  const ids = [...new Set(edit.ids)];
  const owners = await db.service.findMany({ where: { id: { in: ids }, programme: { slug: programmeSlug } }, select: { teamId: true } });
  const newTeam = edit.team ? await db.team.findFirst({ where: { name: edit.team, programme: { slug: programmeSlug } }, select: { id: true } }) : null;
  const newOwner = edit.team === null ? [null] : newTeam ? [newTeam.id] : [];
  const programme = await authorize(actor, programmeSlug, "service.edit", [...new Set(owners.map((o) => o.teamId)), ...newOwner]);
  return db.$transaction((tx) => applyBulkEdit(tx, actor, programme.id, edit), { timeout: 30_000, maxWait: 10_000 });
}
