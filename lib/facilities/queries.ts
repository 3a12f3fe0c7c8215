import "server-only";
import { db } from "@/lib/db";

/** Facilities with their owner and the waves requiring each, plus the programme's teams and waves. */
export async function getFacilitiesSettings(programmeId: string) {
  const [facilities, teams, waves] = await Promise.all([
    db.facility.findMany({
      where: { programmeId },
      select: { key: true, name: true, description: true, status: true, notes: true, ownerTeamId: true, ownerTeam: { select: { name: true } }, waves: { select: { wave: { select: { number: true } } } } },
      orderBy: { name: "asc" },
    }),
    db.team.findMany({ where: { programmeId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.wave.findMany({ where: { programmeId }, select: { number: true, name: true, facilities: { select: { facility: { select: { key: true } } } } }, orderBy: { number: "asc" } }),
  ]);
  return {
    facilities: facilities.map(({ waves: links, ownerTeam, ...f }) => ({ ...f, owner: ownerTeam?.name ?? null, waves: links.map((l) => l.wave.number).sort((a, b) => a - b) })),
    teams,
    waves: waves.map((w) => ({ number: w.number, name: w.name, facilityKeys: w.facilities.map((l) => l.facility.key) })),
  };
}

export type FacilitiesSettings = Awaited<ReturnType<typeof getFacilitiesSettings>>;
