import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/card";
import { ServicesTable } from "@/components/services/services-table";
import { Pagination, ServiceFiltersForm } from "@/components/services/service-filters";
import { teamIdsOf } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getFilterOptions, listServices } from "@/lib/services/queries";
import { serviceFiltersSchema } from "@/lib/services/schemas";

export const metadata: Metadata = { title: "Services" };

type SearchParams = Record<string, string | string[] | undefined>;

/** URLSearchParams for the current query, dropping empty values the GET form submits. */
function toParams(sp: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const x of Array.isArray(v) ? v : [v]) if (x) out.append(k, x);
  return out;
}

export default async function ServicesPage({ params, searchParams }: { params: Promise<{ programme: string }>; searchParams: Promise<SearchParams> }) {
  const { actor, programme } = await getProgrammeForPage((await params).programme);
  const sp = await searchParams;
  const cleaned = Object.fromEntries(Object.entries(sp).filter(([, v]) => v !== "" && v !== undefined));
  const filters = serviceFiltersSchema.parse(cleaned);
  const [list, options] = await Promise.all([listServices(programme.id, filters), getFilterOptions(programme.id)]);
  const query = toParams(sp);
  const base = `/p/${programme.slug}`;
  // The rule bulk-edit-services checks, row by row: a lead selects only what their teams own
  // and hands it only to their teams; a viewer selects nothing.
  const memberTeamIds = programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [];
  const mayEdit = (teamId: string | null) => can(programme.role, "service.edit", { memberTeamIds, ownerTeamIds: [teamId] }).allowed;
  const teamIdByName = new Map(options.teams.map((t) => [t.name, t.id]));
  const editableIds = list.rows.filter((r) => mayEdit(r.team === null ? null : (teamIdByName.get(r.team) ?? null))).map((r) => r.id);
  const bulkTeams = options.teams.filter((t) => mayEdit(t.id)).map((t) => t.name);
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <>
      <PageHeader title="Services" description={`The inventory: ${list.total} service${list.total === 1 ? "" : "s"} match the current filters.`}>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/teams`} className={button}>
            Teams
          </Link>
          <Link href={`${base}/import`} className={button}>
            Import and export
          </Link>
          <a href={`${base}/services/export?${query.toString()}`} className={button} download>
            Export this view as CSV
          </a>
          {can(programme.role, "service.create").allowed ? (
            <Link href={`${base}/services/new`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
              New service
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <ServiceFiltersForm slug={programme.slug} filters={filters} options={options} />
      <ServicesTable slug={programme.slug} rows={list.rows} total={list.total} teams={bulkTeams} allowNoTeam={mayEdit(null)} editableIds={editableIds} />
      <Pagination params={query} page={list.page} pageCount={list.pageCount} total={list.total} size={filters.size} />
    </>
  );
}
