import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { entityLabels } from "@/lib/events/labels";
import { getProgrammeTimeZone } from "@/lib/reports/queries";
import { weekAt } from "@/lib/reports/weeks";
import { stageFromDb } from "@/lib/slices/stages";
import { summariseOverview, type Overview } from "./summary";

/** Everything the overview page shows for one programme, in four small queries. */
export const getOverview = cache(async (programmeId: string): Promise<Overview & { targetDate: Date | null; recent: RecentEvent[] }> => {
  const [programme, slices, load, waves, recent] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { targetDate: true } }),
    db.slice.findMany({ where: { programmeId }, select: { id: true, status: true, stage: true, waveId: true } }),
    db.service.groupBy({ by: ["sliceId"], where: { programmeId }, _count: { _all: true }, _sum: { peakRps: true } }),
    db.wave.findMany({ where: { programmeId }, select: { id: true, number: true, name: true, goal: true, plannedStart: true, plannedEnd: true } }),
    db.event.findMany({
      where: { programmeId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 8,
      select: { id: true, at: true, actorName: true, entityType: true, entityId: true, action: true, before: true, after: true },
    }),
  ]);
  const labels = await entityLabels(recent);
  const overview = summariseOverview({
    slices: slices.map((s) => ({ ...s, stage: stageFromDb(s.stage) })),
    sliceLoad: load.map((l) => ({ sliceId: l.sliceId, services: l._count._all, peakRps: l._sum.peakRps ?? 0 })),
    waves,
  });
  return { ...overview, targetDate: programme.targetDate, recent: recent.map((e) => ({ ...e, label: labels.get(`${e.entityType}:${e.entityId}`) })) };
});

export type RecentEvent = { id: number; at: Date; actorName: string; entityType: string; action: string; before: unknown; after: unknown; label?: string };

/**
 * What the overview's refresh compares (ADR 30): the programme's latest events and the week it
 * is now in the programme's time zone. Every change is recorded as an event, so a new one means
 * the overview may differ; a new week moves "this week" and "last week". The latest few, not
 * only the last: an event's time is its transaction's start, so a transaction that commits
 * after a later-started one lands just below the top, and must still change the version.
 */
export async function getOverviewVersion(programmeId: string, now = Date.now()): Promise<string> {
  const [timeZone, latest] = await Promise.all([
    getProgrammeTimeZone(programmeId),
    db.event.findMany({ where: { programmeId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 16, select: { id: true } }),
  ]);
  return `${latest.map((e) => e.id).join(".") || "0"}:${weekAt(now, timeZone)}`;
}
