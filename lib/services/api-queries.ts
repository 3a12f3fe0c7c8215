/** The services list of the REST API (API.md's fixed shape), in two queries for any size. */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { byString } from "@/lib/inventory/model";
import type { ApiService } from "./schemas";

/** Every service of the programme by name, with what it depends on, its slice and its wave. */
export async function listServicesForApi(actor: Actor, programmeSlug: string): Promise<ApiService[]> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const [services, deps] = await Promise.all([
    db.service.findMany({
      where: { programmeId: programme.id },
      select: { id: true, name: true, kind: true, stateful: true, team: { select: { name: true } }, slice: { select: { name: true, wave: { select: { number: true } } } } },
    }),
    db.dependency.findMany({ where: { programmeId: programme.id }, select: { fromId: true, toId: true } }),
  ]);
  const nameOf = new Map(services.map((s) => [s.id, s.name]));
  const dependsOn = new Map<string, string[]>();
  for (const d of deps) {
    const list = dependsOn.get(d.fromId);
    const to = nameOf.get(d.toId)!;
    if (list) list.push(to);
    else dependsOn.set(d.fromId, [to]);
  }
  return services
    .map((s) => ({
      name: s.name,
      team: s.team?.name ?? null,
      kind: s.kind,
      stateful: s.stateful,
      dependsOn: (dependsOn.get(s.id) ?? []).sort(byString),
      slice: s.slice?.name ?? null,
      wave: s.slice?.wave?.number ?? null,
    }))
    .sort((a, b) => byString(a.name, b.name));
}
