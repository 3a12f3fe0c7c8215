import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { eventRow, insertEvents, type EventInput } from "@/lib/events/record";
import type { Plan } from "@/lib/planning";
import { giveChecklists } from "@/lib/checklists/mutations/new-slice-items";
import { dateToDb } from "@/lib/validation/date";
import { cadenceOf, waveDatesFor } from "../cadence";
import { loadPlanningData } from "../planning-data";
import { planProgramme, type PlanningData } from "../programme-plan";
import { planChanges, type PlanChanges } from "../stored-plan";
import type { ApplyPlanInput } from "../schemas";
import { lockProgramme } from "./shared";

type Tx = Prisma.TransactionClient;

/**
 * Plans the programme and stores the plan: missing waves are created, proposed slices are
 * created with their services, every other slice moves to its planned wave, and each change
 * is an event. Concurrent applies are serialised by a lock on the programme row taken before
 * reading, so the second one plans from the first one's result, never from a mix.
 */
export async function applyPlan(actor: Actor, programmeSlug: string, input: ApplyPlanInput): Promise<Plan> {
  const programme = await authorize(actor, programmeSlug, "plan.apply");
  return db.$transaction(
    async (tx) => {
      await lockProgramme(tx, programme.id);
      const data = await loadPlanningData(tx, programme.id);
      const details = planProgramme(data, input);
      const changes = planChanges(data, details);
      assertTeams(changes);
      const ids = await storeChanges(tx, actor, programme.id, data, changes);
      await recordAll(tx, actor, [
        {
          programmeId: programme.id,
          entityType: "programme",
          entityId: programme.id,
          action: "programme.plan_applied",
          after: {
            capacityPerTeam: input.capacityPerTeam ?? null,
            waves: details.plan.waves.length,
            moved: changes.moved.length,
            created: changes.created.length,
            wavesCreated: changes.wavesToCreate,
            violations: details.plan.violations.length,
          },
        },
      ]);
      // Proposed slices now exist: answer with their stored ids, not the "new:" placeholders.
      return { ...details.plan, waves: details.plan.waves.map((w) => ({ ...w, slices: w.slices.map((s) => ({ ...s, id: ids.get(s.id) ?? s.id })) })) };
    },
    // The lock waits for a concurrent apply to commit; a large programme writes a few bulk statements.
    { timeout: 30_000, maxWait: 15_000 },
  );
}

/** A slice needs an owner team; a proposed slice for services without one cannot be stored. */
function assertTeams(changes: PlanChanges) {
  const orphans = changes.created.filter((c) => c.team === null);
  if (orphans.length === 0) return;
  const services = orphans.flatMap((c) => c.services);
  throw new AppError("INVALID", `Give ${services.length === 1 ? "this service" : "these services"} an owner team before applying the plan: ${services.slice(0, 10).join(", ")}${services.length > 10 ? ` and ${services.length - 10} more` : ""}.`, services.map((name) => ({ path: "services", message: `${name} has no owner team` })));
}

async function recordAll(tx: Tx, actor: Actor, events: EventInput[]) {
  await insertEvents(tx, events.map((e) => eventRow(actor, e)));
}

/** The writes, in bulk: one statement per wave number rather than one per slice. */
async function storeChanges(tx: Tx, actor: Actor, programmeId: string, data: PlanningData, changes: PlanChanges): Promise<Map<string, string>> {
  const waveIds = new Map(data.waves.map((w) => [w.number, w.id]));
  const events: EventInput[] = [];
  if (changes.wavesToCreate.length > 0) {
    // New waves take their dates from the programme's cadence; without one they are not scheduled.
    const cadence = cadenceOf(await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { waveLengthWeeks: true, wavesStartOn: true } }));
    const rows = changes.wavesToCreate.map((number) => {
      const dates = cadence ? waveDatesFor(cadence, number) : null;
      return { id: randomUUID(), programmeId, number, dates, plannedStart: dates ? dateToDb(dates.plannedStart) : null, plannedEnd: dates ? dateToDb(dates.plannedEnd) : null };
    });
    await tx.wave.createMany({ data: rows.map(({ dates: _dates, ...row }) => row) });
    for (const row of rows) {
      waveIds.set(row.number, row.id);
      events.push({ programmeId, entityType: "wave", entityId: row.id, action: "wave.created", after: { number: row.number, by: "plan", ...(row.dates ?? {}) } });
    }
  }
  const teamIds = new Map(data.teams.map((t) => [t.name, t.id]));
  const ids = new Map<string, string>();
  if (changes.created.length > 0) {
    const rows = changes.created.map((c) => ({ id: randomUUID(), programmeId, name: c.name, teamId: teamIds.get(c.team!)!, waveId: waveIds.get(c.to)! }));
    await tx.slice.createMany({ data: rows });
    const serviceIds: string[] = [];
    const sliceIds: string[] = [];
    changes.created.forEach((c, i) => {
      ids.set(c.sliceId, rows[i].id);
      serviceIds.push(...c.serviceIds);
      sliceIds.push(...c.serviceIds.map(() => rows[i].id));
      events.push({ programmeId, entityType: "slice", entityId: rows[i].id, action: "slice.created", after: { name: c.name, team: c.team!, wave: c.to, services: c.services, by: "plan" } });
    });
    // One statement for every service of every new slice (a first plan creates thousands).
    await tx.$executeRaw`UPDATE "Service" AS s SET "sliceId" = u.slice_id, "updatedAt" = now() FROM unnest(${serviceIds}::text[], ${sliceIds}::text[]) AS u(service_id, slice_id) WHERE s.id = u.service_id AND s."programmeId" = ${programmeId}`;
    // A new slice starts with its definition of done, so its traffic stages are gated from day one.
    await giveChecklists(tx, programmeId, rows.map((r) => r.id));
  }
  const byWave = new Map<number, string[]>();
  for (const c of changes.moved) byWave.set(c.to, [...(byWave.get(c.to) ?? []), c.sliceId]);
  for (const [wave, sliceIds] of byWave) {
    await tx.slice.updateMany({ where: { programmeId, id: { in: sliceIds } }, data: { waveId: waveIds.get(wave)!, version: { increment: 1 } } });
  }
  const stored = new Map(data.slices.map((s) => [s.id, s]));
  for (const c of changes.moved) {
    const s = stored.get(c.sliceId)!;
    const pin = { pinnedWave: s.pinnedWave, pinReason: s.pinReason };
    events.push({ programmeId, entityType: "slice", entityId: c.sliceId, action: "slice.wave_changed", before: { wave: c.from, ...pin }, after: { wave: c.to, ...pin, reason: "plan applied" } });
  }
  await recordAll(tx, actor, events);
  return ids;
}
