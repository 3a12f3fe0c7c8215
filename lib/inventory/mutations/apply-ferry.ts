/**
 * Restoring the parts of a Ferry backup beyond the inventory: the programme's own fields,
 * facilities, checklist templates, waves and slices with their checklists. Everything is
 * upserted by name or key, so re-importing a backup changes nothing; nothing the file leaves
 * out is deleted (waves, slices, facilities and templates are never removal candidates).
 * A version 2 backup's people and history are restored too when the programme is empty
 * (restore-history.ts); into a programme with a life of its own only the state is applied.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { eventRow, insertEvents, type EventInputWithout, type EventRow } from "@/lib/events/record";
import { upsertRows } from "@/lib/db/bulk-insert";
import type { FerryDocument } from "../ferry-json";
import { isEmptyForRestore, restoreHistory, restorePeople } from "./restore-history";

type Tx = Prisma.TransactionClient;

export type ExtrasSummary = { created: number; updated: number; unchanged: number };

const toDate = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);
const toInstant = (d: string | null | undefined) => (d ? new Date(d) : null);

/** Upserts everything in `doc` except teams, services and dependencies (written before this). */
export async function applyFerryExtras(tx: Tx, actor: Actor, programmeId: string, doc: FerryDocument): Promise<ExtrasSummary> {
  const now = new Date();
  const events: EventRow[] = [];
  const summary: ExtrasSummary = { created: 0, updated: 0, unchanged: 0 };
  const record: Record_ = (total, outcomes, event) => {
    for (const o of outcomes) {
      events.push(eventRow(actor, { programmeId, entityId: o.id, ...event(o) }));
      if (o.inserted) summary.created++;
      else summary.updated++;
    }
    summary.unchanged += total - outcomes.length;
  };

  // Decided before anything here is written: history goes only into a programme with none of its own.
  const restoring = doc.history.length > 0 && (await isEmptyForRestore(tx, programmeId));
  await applyProgrammeFields(tx, actor, programmeId, doc, events, summary);

  const teams = new Map((await tx.team.findMany({ where: { programmeId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const people = restoring ? await restorePeople(tx, programmeId, doc, now) : null;
  const teamId = (name: string | null | undefined) => (name ? (teams.get(name) ?? null) : null);

  const facilityRows = doc.facilities.map((f) => ({
    id: randomUUID(), programmeId, key: f.key, name: f.name, description: f.description ?? null, status: f.status, ownerTeamId: teamId(f.ownerTeam), notes: f.notes ?? null, updatedAt: now,
  }));
  record(facilityRows.length, await upsertRows(tx, facilityRows, {
    table: "Facility", conflict: ["programmeId", "key"], ignoreInComparison: ["updatedAt"],
    columns: ["id", "programmeId", "key", "name", "description", "status", "ownerTeamId", "notes", "updatedAt"],
  }), (o) => ({ entityType: "facility", action: o.inserted ? "facility.created" : "facility.updated", after: doc.facilities[o.index] }));
  const facilities = new Map((await tx.facility.findMany({ where: { programmeId }, select: { id: true, key: true } })).map((f) => [f.key, f.id]));

  await applyTemplates(tx, programmeId, doc, now, record);

  const waveRows = doc.waves.map((w) => ({
    id: randomUUID(), programmeId, number: w.number, name: w.name ?? null, goal: w.goal ?? null, plannedStart: toDate(w.plannedStart), plannedEnd: toDate(w.plannedEnd), updatedAt: now,
  }));
  record(waveRows.length, await upsertRows(tx, waveRows, {
    table: "Wave", conflict: ["programmeId", "number"], ignoreInComparison: ["updatedAt"],
    columns: ["id", "programmeId", "number", "name", "goal", "plannedStart", "plannedEnd", "updatedAt"],
  }), (o) => ({ entityType: "wave", action: o.inserted ? "wave.created" : "wave.updated", after: doc.waves[o.index] }));
  const waves = new Map((await tx.wave.findMany({ where: { programmeId }, select: { id: true, number: true } })).map((w) => [w.number, w.id]));
  // A wave's required facilities are a set the file states in full: replace the links.
  const waveIds = doc.waves.map((w) => waves.get(w.number)!);
  if (waveIds.length) {
    await tx.waveFacility.deleteMany({ where: { waveId: { in: waveIds } } });
    const links = doc.waves.flatMap((w) => w.facilities.map((key) => ({ waveId: waves.get(w.number)!, facilityId: facilities.get(key)! })));
    if (links.length) await tx.waveFacility.createMany({ data: links });
  }

  await applySlices(tx, programmeId, doc, now, { teamId, waves, users: people?.userIds }, record);
  await insertEvents(tx, events);
  if (people) await restoreHistory(tx, actor, programmeId, doc, people);
  return summary;
}

type Outcome = { id: string; inserted: boolean; index: number };
/** Counts what an upsert did and records each created or updated row's event. */
type Record_ = (total: number, outcomes: Outcome[], event: (o: Outcome) => EventInputWithout<"programmeId" | "entityId">) => void;

async function applyProgrammeFields(tx: Tx, actor: Actor, programmeId: string, doc: FerryDocument, events: EventRow[], summary: ExtrasSummary) {
  const now = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true, description: true, targetDate: true, environments: true } });
  // The slug is the target programme's own: a backup restores into any programme.
  const before = { name: now.name, description: now.description, targetDate: now.targetDate?.toISOString().slice(0, 10) ?? null, environments: now.environments };
  const after = { name: doc.programme.name, description: doc.programme.description ?? null, targetDate: doc.programme.targetDate ?? null, environments: doc.programme.environments };
  if (JSON.stringify(before) === JSON.stringify(after)) {
    summary.unchanged++;
    return;
  }
  await tx.programme.update({ where: { id: programmeId }, data: { ...after, targetDate: toDate(after.targetDate) } });
  events.push(eventRow(actor, { programmeId, entityType: "programme", entityId: programmeId, action: "programme.updated", before, after }));
  summary.updated++;
}

async function applyTemplates(tx: Tx, programmeId: string, doc: FerryDocument, now: Date, record: Record_) {
  const rows = doc.checklistTemplates.map((t) => ({ id: randomUUID(), programmeId, name: t.name, isDefault: t.isDefault, updatedAt: now }));
  record(rows.length, await upsertRows(tx, rows, {
    table: "ChecklistTemplate", conflict: ["programmeId", "name"], ignoreInComparison: ["updatedAt"],
    columns: ["id", "programmeId", "name", "isDefault", "updatedAt"],
  }), (o) => ({
    entityType: "checklist_template",
    action: o.inserted ? "checklist_template.created" : "checklist_template.updated",
    after: { name: doc.checklistTemplates[o.index].name, isDefault: doc.checklistTemplates[o.index].isDefault },
  }));
  const ids = new Map((await tx.checklistTemplate.findMany({ where: { programmeId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const items = doc.checklistTemplates.flatMap((t) =>
    t.items.map((i) => ({
      id: randomUUID(), templateId: ids.get(t.name)!, key: i.key, title: i.title, guidance: i.guidance ?? null, category: i.category, appliesTo: i.appliesTo,
      gateStage: i.gateStage ?? null, position: i.position,
    })),
  );
  const outcomes = await upsertRows(tx, items, {
    table: "ChecklistTemplateItem", conflict: ["templateId", "key"],
    columns: ["id", "templateId", "key", "title", "guidance", "category", "appliesTo", "gateStage", "position"],
  });
  // Template items are part of their template: their changes count as template updates.
  record(outcomes.length, outcomes.map((o) => ({ ...o, inserted: false })), (o) => ({
    entityType: "checklist_template",
    action: "checklist_template.updated",
    after: { item: items[o.index].key, title: items[o.index].title },
  }));
}

async function applySlices(tx: Tx, programmeId: string, doc: FerryDocument, now: Date, refs: { teamId: (n: string) => string | null; waves: Map<number, string>; users?: Map<string, string> }, record: Record_) {
  // Stages as the database stores them (TrafficStage's @map labels), which is the file's spelling.
  const rows = doc.slices.map((s) => ({
    id: randomUUID(), programmeId, name: s.name, teamId: refs.teamId(s.team)!, waveId: s.wave === null || s.wave === undefined ? null : refs.waves.get(s.wave)!,
    status: s.status, stage: s.stage, plannedStart: toDate(s.plannedStart), plannedEnd: toDate(s.plannedEnd), actualStart: toInstant(s.actualStart), actualEnd: toInstant(s.actualEnd),
    rollbackPlan: s.rollbackPlan ?? null, rollbackRehearsedAt: toInstant(s.rollbackRehearsedAt), pinnedWave: s.pinnedWave ?? null, pinReason: s.pinReason ?? null, updatedAt: now,
  }));
  record(rows.length, await upsertRows(tx, rows, {
    table: "Slice", conflict: ["programmeId", "name"], ignoreInComparison: ["updatedAt"], onUpdate: `"version" = "Slice"."version" + 1`,
    columns: ["id", "programmeId", "name", "teamId", "waveId", "status", "stage", "plannedStart", "plannedEnd", "actualStart", "actualEnd", "rollbackPlan", "rollbackRehearsedAt", "pinnedWave", "pinReason", "updatedAt"],
  }), (o) => {
    const { checklist: _checklist, ...slice } = doc.slices[o.index];
    return { entityType: "slice", action: o.inserted ? "slice.created" : "slice.updated", after: slice };
  });
  const sliceIds = new Map((await tx.slice.findMany({ where: { programmeId, name: { in: doc.slices.map((s) => s.name) } }, select: { id: true, name: true } })).map((s) => [s.name, s.id]));

  // A listed slice's services are exactly those the file names.
  const names = doc.slices.flatMap((s) => s.services);
  const owners = doc.slices.flatMap((s) => s.services.map(() => sliceIds.get(s.name)!));
  if (sliceIds.size) {
    await tx.$executeRawUnsafe(`UPDATE "Service" SET "sliceId" = NULL WHERE "programmeId" = $1 AND "sliceId" = ANY($2::text[]) AND NOT ("name" = ANY($3::text[]))`, programmeId, [...sliceIds.values()], names);
  }
  if (names.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Service" s SET "sliceId" = u.slice FROM unnest($2::text[], $3::text[]) AS u(name, slice) WHERE s."programmeId" = $1 AND s."name" = u.name AND s."sliceId" IS DISTINCT FROM u.slice`,
      programmeId, names, owners,
    );
  }

  // A tick keeps its author when they exist here or the restore has just created them.
  const emails = [...new Set(doc.slices.flatMap((s) => s.checklist.map((i) => i.doneBy).filter((e): e is string => Boolean(e))))];
  const users = new Map([...(await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id] as const), ...(refs.users ?? [])]);
  const items = doc.slices.flatMap((s) =>
    s.checklist.map((i) => ({
      id: randomUUID(), programmeId, sliceId: sliceIds.get(s.name)!, key: i.key, title: i.title, guidance: i.guidance ?? null, category: i.category, gateStage: i.gateStage ?? null,
      position: i.position, state: i.state, evidenceUrl: i.evidenceUrl ?? null, reason: i.reason ?? null, doneById: i.doneBy ? (users.get(i.doneBy) ?? null) : null, doneAt: toInstant(i.doneAt), followUp: i.followUp, updatedAt: now,
    })),
  );
  record(items.length, await upsertRows(tx, items, {
    table: "ChecklistItem", conflict: ["sliceId", "key"], ignoreInComparison: ["updatedAt"],
    columns: ["id", "programmeId", "sliceId", "key", "title", "guidance", "category", "gateStage", "position", "state", "evidenceUrl", "reason", "doneById", "doneAt", "followUp", "updatedAt"],
  }), (o) => ({ entityType: "checklist_item", action: o.inserted ? "checklist_item.created" : "checklist_item.updated", after: { key: items[o.index].key, state: items[o.index].state } }));
}
