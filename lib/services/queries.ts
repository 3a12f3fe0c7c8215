/** Reads of the services: the pages' filtered, paginated list and one service in full, and the REST API's list. */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { changesOf } from "@/lib/events/describe-changes";
import { entityLabels } from "@/lib/events/labels";
import { byString } from "@/lib/inventory/model";
import { SERVICE_SELECT } from "@/lib/inventory/queries/load-inventory";
import { containsText } from "@/lib/validation/search";
import type { ApiService, ServiceFilters, SortKey } from "./schemas";

/**
 * What the list shows per service: only the columns on screen. Dependency counts are not a
 * `_count` here: Prisma turns that into a GROUP BY over the whole Dependency table joined to
 * every matching service before the sort and LIMIT (0.5-0.9 s for a broad filter on 5,000
 * services); `countDependencies` counts for the page's rows only.
 */
const LIST_SELECT = {
  id: true,
  name: true,
  kind: true,
  stateful: true,
  tier: true,
  strategy: true,
  peakRps: true,
  targetNamespace: true,
  tags: true,
  team: { select: { id: true, name: true } },
  slice: { select: { id: true, name: true, status: true, wave: { select: { number: true } } } },
} as const satisfies Prisma.ServiceSelect;

export type ServiceListRow = {
  id: string;
  name: string;
  team: string | null;
  /** For the link to the team page (every name in the table is a link). */
  teamId: string | null;
  kind: string;
  stateful: boolean;
  tier: number;
  strategy: string;
  peakRps: number | null;
  targetNamespace: string | null;
  tags: string[];
  slice: string | null;
  sliceId: string | null;
  status: string | null;
  wave: number | null;
  dependsOn: number;
  usedBy: number;
};

/** The Prisma filter for the list's URL filters; exported for the CSV export of the same view. */
export function serviceWhere(programmeId: string, f: ServiceFilters): Prisma.ServiceWhereInput {
  const and: Prisma.ServiceWhereInput[] = [{ programmeId }];
  if (f.q) {
    const contains = containsText(f.q);
    and.push({ OR: [{ name: contains }, { description: contains }, { system: contains }] });
  }
  if (f.team.length) {
    const named = f.team.filter((t) => t !== "none");
    and.push({ OR: [...(named.length ? [{ team: { name: { in: named } } }] : []), ...(f.team.includes("none") ? [{ teamId: null }] : [])] });
  }
  if (f.kind.length) and.push({ kind: { in: f.kind } });
  if (f.strategy.length) and.push({ strategy: { in: f.strategy } });
  if (f.tier.length) and.push({ tier: { in: f.tier } });
  if (f.stateful) and.push({ stateful: f.stateful === "yes" });
  if (f.tag.length) and.push({ tags: { hasSome: f.tag } });
  if (f.status.length) {
    const statuses = f.status.filter((s) => s !== "unsliced") as Exclude<(typeof f.status)[number], "unsliced">[];
    and.push({ OR: [...(statuses.length ? [{ slice: { status: { in: statuses } } }] : []), ...(f.status.includes("unsliced") ? [{ sliceId: null }] : [])] });
  }
  if (f.wave.length) {
    const numbers = f.wave.filter((w): w is number => typeof w === "number");
    and.push({
      OR: [
        ...(numbers.length ? [{ slice: { wave: { number: { in: numbers } } } }] : []),
        ...(f.wave.includes("none") ? [{ sliceId: null }, { slice: { waveId: null } }] : []),
      ],
    });
  }
  return { AND: and };
}

function orderBy(sort: SortKey, dir: "asc" | "desc"): Prisma.ServiceOrderByWithRelationInput[] {
  const by: Record<SortKey, Prisma.ServiceOrderByWithRelationInput> = {
    name: { name: dir },
    team: { team: { name: dir } },
    kind: { kind: dir },
    tier: { tier: dir },
    strategy: { strategy: dir },
    peakRps: { peakRps: { sort: dir, nulls: "last" } },
    wave: { slice: { wave: { number: dir } } },
    status: { slice: { status: dir } },
  };
  // Name last, so equal keys keep one order and pages never repeat or skip a row.
  return sort === "name" ? [by.name] : [by[sort], { name: "asc" }];
}

/** How many dependencies each of `ids` has, both ways; served by the (fromId, toId) and toId indexes. */
async function countDependencies(ids: string[]): Promise<{ dependsOn: Map<string, number>; usedBy: Map<string, number> }> {
  if (!ids.length) return { dependsOn: new Map(), usedBy: new Map() };
  const [from, to] = await Promise.all([
    db.dependency.groupBy({ by: ["fromId"], where: { fromId: { in: ids } }, _count: { _all: true } }),
    db.dependency.groupBy({ by: ["toId"], where: { toId: { in: ids } }, _count: { _all: true } }),
  ]);
  return { dependsOn: new Map(from.map((d) => [d.fromId, d._count._all])), usedBy: new Map(to.map((d) => [d.toId, d._count._all])) };
}

/** One page of services for the list, with the total the filters match. */
export async function listServices(programmeId: string, f: ServiceFilters): Promise<{ rows: ServiceListRow[]; total: number; page: number; pageCount: number }> {
  const where = serviceWhere(programmeId, f);
  const fetchPage = (page: number) => db.service.findMany({ where, select: LIST_SELECT, orderBy: orderBy(f.sort, f.dir), skip: (page - 1) * f.size, take: f.size });
  // The page is fetched alongside the count, saving a round trip; only a page past the end
  // (an old or hand-edited link) is fetched again as the last page.
  const [total, requested] = await Promise.all([db.service.count({ where }), fetchPage(f.page)]);
  const pageCount = Math.max(1, Math.ceil(total / f.size));
  const page = Math.min(f.page, pageCount);
  const rows = page === f.page ? requested : await fetchPage(page);
  const { dependsOn, usedBy } = await countDependencies(rows.map((r) => r.id));
  return {
    total,
    page,
    pageCount,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      team: r.team?.name ?? null,
      teamId: r.team?.id ?? null,
      kind: r.kind,
      stateful: r.stateful,
      tier: r.tier,
      strategy: r.strategy,
      peakRps: r.peakRps,
      targetNamespace: r.targetNamespace,
      tags: r.tags,
      slice: r.slice?.name ?? null,
      sliceId: r.slice?.id ?? null,
      status: r.slice?.status ?? null,
      wave: r.slice?.wave?.number ?? null,
      dependsOn: dependsOn.get(r.id) ?? 0,
      usedBy: usedBy.get(r.id) ?? 0,
    })),
  };
}

/** The values the filter controls offer: the programme's teams, waves and tags. */
export const getFilterOptions = cache(async (programmeId: string) => {
  const [teams, waves, tags] = await Promise.all([
    db.team.findMany({ where: { programmeId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.wave.findMany({ where: { programmeId }, select: { number: true, name: true }, orderBy: { number: "asc" } }),
    db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Service" WHERE "programmeId" = ${programmeId} ORDER BY tag LIMIT 500`,
  ]);
  return { teams, waves, tags: tags.map((t) => t.tag) };
});

/** Everything the service page shows: fields, dependencies both ways, slice, wave, checklist, history. */
export async function getService(programmeId: string, id: string) {
  const service = await db.service.findFirst({
    where: { programmeId, id },
    select: {
      ...SERVICE_SELECT,
      createdAt: true,
      updatedAt: true,
      team: { select: { id: true, name: true, contactChannel: true } },
      slice: {
        select: {
          id: true,
          name: true,
          status: true,
          stage: true,
          wave: { select: { number: true, name: true } },
          checklistItems: { select: { state: true } },
        },
      },
      dependsOn: { select: { id: true, kind: true, to: { select: { id: true, name: true, kind: true } } }, orderBy: { to: { name: "asc" } } },
      usedBy: { select: { id: true, kind: true, from: { select: { id: true, name: true, kind: true } } }, orderBy: { from: { name: "asc" } } },
    },
  });
  if (!service) return null;
  const events = await db.event.findMany({
    where: { programmeId, entityType: "service", entityId: id },
    select: { id: true, at: true, actorName: true, action: true, entityType: true, entityId: true, before: true, after: true },
    orderBy: { at: "desc" },
    take: 50,
  });
  // Read as the audit log reads them: field labels, and names instead of ids (the owner team).
  const names = await entityLabels(events);
  const history = events.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, action: e.action, changes: changesOf(e, names) }));
  return { ...service, history };
}
export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getService>>>;

/** Names of the programme's services, for the dependency picker. */
export async function listServiceNames(programmeId: string): Promise<{ id: string; name: string }[]> {
  return db.service.findMany({ where: { programmeId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/**
 * `GET /programmes/{slug}/services` (API.md's fixed shape): every service of the programme by
 * name, with what it depends on, its slice and its wave, in two queries for any size.
 */
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
