import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { UpdateWaveInput } from "../schemas";

const toDate = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);
const fromDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** Edits a wave's name, goal and planned dates (a field left out is cleared: the form sends them all). */
export async function updateWave(actor: Actor, programmeSlug: string, input: UpdateWaveInput): Promise<{ number: number }> {
  const programme = await authorize(actor, programmeSlug, "wave.edit");
  return db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({ where: { programmeId_number: { programmeId: programme.id, number: input.number } } });
    if (!wave) throw notFound(`Wave ${input.number}`);
    const next = { name: input.name || null, goal: input.goal || null, plannedStart: toDate(input.plannedStart), plannedEnd: toDate(input.plannedEnd) };
    await tx.wave.update({ where: { id: wave.id }, data: next });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "wave",
      entityId: wave.id,
      action: "wave.updated",
      before: { number: wave.number, name: wave.name, goal: wave.goal, plannedStart: fromDate(wave.plannedStart), plannedEnd: fromDate(wave.plannedEnd) },
      after: { number: wave.number, name: next.name, goal: next.goal, plannedStart: input.plannedStart ?? null, plannedEnd: input.plannedEnd ?? null },
    });
    return { number: wave.number };
  });
}
