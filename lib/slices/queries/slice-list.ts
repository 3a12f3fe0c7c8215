import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import { containsText } from "@/lib/validation/search";
import { getBlocking } from "./blocking";
import type { SliceListFilters } from "../schemas";
import { stageFromDb, stageToDb, type Stage } from "../stages";

export type SliceListRow = {
  id: string;
  name: string;
  team: string;
  /** For the link to the team page (every name in the table is a link). */
  teamId: string;
  wave: number | null;
  stage: Stage;
  status: SliceStatus;
  resolved: number;
  total: number;
  /** Names of the slices this one waits for (empty when not blocked). */
  waitsOn: string[];
};

/** Rows shown at most; a big programme is read through its filters. */
export const SLICE_LIST_LIMIT = 300;

/** The slices of a programme that match the filters, with checklist progress and blocking. */
export async function listSlices(programmeId: string, filters: SliceListFilters, teamIds: string[] | null): Promise<{ rows: SliceListRow[]; matched: number }> {
  const where: Prisma.SliceWhereInput = {
    programmeId,
    ...(teamIds ? { teamId: { in: teamIds } } : filters.team ? { teamId: filters.team } : {}),
    ...(filters.stage ? { stage: stageToDb(filters.stage) } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.wave ? { wave: { number: filters.wave } } : {}),
    ...(filters.q ? { OR: [{ name: containsText(filters.q) }, { services: { some: { name: containsText(filters.q) } } }] } : {}),
  };
  const [slices, blocking] = await Promise.all([
    db.slice.findMany({ where, select: { id: true, name: true, stage: true, status: true, team: { select: { id: true, name: true } }, wave: { select: { number: true } } }, orderBy: [{ wave: { number: "asc" } }, { name: "asc" }] }),
    getBlocking(programmeId),
  ]);
  const waits = new Map(blocking.blocked.map((b) => [b.id, b.waitsOn.map((w) => w.name)]));
  const matching = filters.blocked ? slices.filter((s) => waits.has(s.id)) : slices;
  const shown = matching.slice(0, SLICE_LIST_LIMIT);
  const counts = shown.length
    ? await db.checklistItem.groupBy({ by: ["sliceId", "state"], where: { sliceId: { in: shown.map((s) => s.id) } }, _count: { _all: true } })
    : [];
  const progress = new Map<string, { resolved: number; total: number }>();
  for (const c of counts) {
    const p = progress.get(c.sliceId) ?? { resolved: 0, total: 0 };
    p.total += c._count._all;
    if (c.state !== "open") p.resolved += c._count._all;
    progress.set(c.sliceId, p);
  }
  return {
    matched: matching.length,
    rows: shown.map((s) => ({
      id: s.id,
      name: s.name,
      team: s.team.name,
      teamId: s.team.id,
      wave: s.wave?.number ?? null,
      stage: stageFromDb(s.stage),
      status: s.status,
      resolved: progress.get(s.id)?.resolved ?? 0,
      total: progress.get(s.id)?.total ?? 0,
      waitsOn: waits.get(s.id) ?? [],
    })),
  };
}

/** Teams and waves for the filter controls. */
export async function getSliceFilterOptions(programmeId: string) {
  const [teams, waves] = await Promise.all([
    db.team.findMany({ where: { programmeId, slices: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.wave.findMany({ where: { programmeId }, select: { number: true, name: true }, orderBy: { number: "asc" } }),
  ]);
  return { teams, waves };
}
