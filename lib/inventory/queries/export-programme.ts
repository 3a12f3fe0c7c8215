/**
 * The whole programme as a Ferry JSON document, its people and history included: read by
 * names and keys only, so the canonical serializer gives the same bytes for the same
 * programme in any database.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stageFromDb } from "@/lib/slices/stages";
import { notFound } from "@/lib/errors";
import { FERRY_JSON_VERSION, serializeFerryJson, type FerryDocument } from "../ferry-json";
import { getProgrammeHistory } from "./history-export";
import { loadInventory } from "./load-inventory";

type Reader = Prisma.TransactionClient;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const instant = (d: Date | null) => (d ? d.toISOString() : null);

/** Reads every part of a programme that a backup holds. */
export async function getProgrammeDocument(client: Reader, programmeId: string): Promise<FerryDocument> {
  const programme = await client.programme.findUnique({
    where: { id: programmeId },
    select: { name: true, slug: true, description: true, targetDate: true, environments: true },
  });
  if (!programme) throw notFound("Programme");
  const [inventory, waves, slices, facilities, templates, { people, history }] = await Promise.all([
    loadInventory(client, programmeId),
    client.wave.findMany({
      where: { programmeId },
      select: { number: true, name: true, goal: true, plannedStart: true, plannedEnd: true, facilities: { select: { facility: { select: { key: true } } } } },
    }),
    client.slice.findMany({
      where: { programmeId },
      select: {
        name: true,
        team: { select: { name: true } },
        wave: { select: { number: true } },
        status: true,
        stage: true,
        services: { select: { name: true } },
        plannedStart: true,
        plannedEnd: true,
        actualStart: true,
        actualEnd: true,
        rollbackPlan: true,
        rollbackRehearsedAt: true,
        pinnedWave: true,
        pinReason: true,
        checklistItems: {
          select: { key: true, title: true, guidance: true, category: true, gateStage: true, position: true, state: true, evidenceUrl: true, reason: true, doneAt: true, doneBy: { select: { email: true } }, followUp: true },
        },
      },
    }),
    client.facility.findMany({
      where: { programmeId },
      select: { key: true, name: true, description: true, status: true, notes: true, ownerTeam: { select: { name: true } } },
    }),
    client.checklistTemplate.findMany({
      where: { programmeId },
      select: { name: true, isDefault: true, items: { select: { key: true, title: true, guidance: true, category: true, appliesTo: true, gateStage: true, position: true } } },
    }),
    getProgrammeHistory(client, programmeId),
  ]);
  return {
    format: "ferry",
    version: FERRY_JSON_VERSION,
    programme: { ...programme, targetDate: day(programme.targetDate) },
    teams: inventory.teams,
    // Lists are sets: a duplicate the database happens to hold is written once.
    services: inventory.services.map((s) => ({ ...s, tags: [...new Set(s.tags)], dataStores: [...new Set(s.dataStores)], configSources: [...new Set(s.configSources)] })),
    dependencies: inventory.dependencies,
    waves: waves.map((w) => ({
      number: w.number,
      name: w.name,
      goal: w.goal,
      plannedStart: day(w.plannedStart),
      plannedEnd: day(w.plannedEnd),
      facilities: w.facilities.map((f) => f.facility.key),
    })),
    slices: slices.map((s) => ({
      name: s.name,
      team: s.team.name,
      wave: s.wave?.number ?? null,
      status: s.status,
      stage: stageFromDb(s.stage),
      services: s.services.map((x) => x.name),
      plannedStart: day(s.plannedStart),
      plannedEnd: day(s.plannedEnd),
      actualStart: instant(s.actualStart),
      actualEnd: instant(s.actualEnd),
      rollbackPlan: s.rollbackPlan,
      rollbackRehearsedAt: instant(s.rollbackRehearsedAt),
      pinnedWave: s.pinnedWave,
      pinReason: s.pinReason,
      checklist: s.checklistItems.map((i) => ({
        key: i.key,
        title: i.title,
        guidance: i.guidance,
        category: i.category,
        gateStage: i.gateStage ? stageFromDb(i.gateStage) : null,
        position: i.position,
        state: i.state,
        evidenceUrl: i.evidenceUrl,
        reason: i.reason,
        doneBy: i.doneBy?.email ?? null,
        doneAt: instant(i.doneAt),
        followUp: i.followUp,
      })),
    })),
    facilities: facilities.map((f) => ({ key: f.key, name: f.name, description: f.description, status: f.status, ownerTeam: f.ownerTeam?.name ?? null, notes: f.notes })),
    checklistTemplates: templates.map((t) => ({
      name: t.name,
      isDefault: t.isDefault,
      items: t.items.map((i) => ({ ...i, gateStage: i.gateStage ? stageFromDb(i.gateStage) : null })),
    })),
    people,
    history,
  };
}

/** The programme as canonical Ferry JSON text; anyone who can read the programme may export it. */
export async function getProgrammeExport(actor: Actor, programmeSlug: string): Promise<{ filename: string; text: string }> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const text = serializeFerryJson(await getProgrammeDocument(db, programme.id));
  return { filename: `${programme.slug}.ferry.json`, text };
}
