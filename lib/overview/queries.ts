import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { entityLabels } from "@/lib/events/labels";
import { latestEventId } from "@/lib/events/latest";
import { memoised } from "@/lib/events/memo";
import { stageFromDb } from "@/lib/slices/stages";
import { summariseOverview, type Overview } from "./summary";

type OverviewData = Overview & { targetDate: Date | null; recent: RecentEvent[] };

/**
 * Everything the overview page shows for one programme, in four small queries; kept like the
 * week's report under the programme's latest event id (lib/events/memo.ts: every write it
 * shows appends an event, and an entry lives a minute at most), since the page is polled and
 * re-rendered on every change by everyone viewing it.
 */
export const getOverview = cache(async (programmeId: string): Promise<OverviewData> => {
  const version = await latestEventId(programmeId);
  return memoised("overview", `${programmeId}|${version}`, () => loadOverview(programmeId));
});

async function loadOverview(programmeId: string): Promise<OverviewData> {
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
}

export type RecentEvent = { id: number; at: Date; actorName: string; entityType: string; action: string; before: unknown; after: unknown; label?: string };

