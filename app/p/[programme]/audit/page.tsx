import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/card";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { listAuditChoices, listAuditEvents } from "@/lib/audit/queries";
import { auditFiltersSchema, withoutStrayAction } from "@/lib/audit/schemas";
import { bulkWork, entityLabels } from "@/lib/events/labels";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ programme: string }>; searchParams: SearchParams }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const raw = await searchParams;
  const choices = await listAuditChoices(programme.id);
  const filters = withoutStrayAction(auditFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]))), choices);
  const { rows, nextBefore } = await listAuditEvents(programme.id, filters);
  const [names, work] = await Promise.all([entityLabels(rows), bulkWork(programme.id, rows)]);
  const query = new URLSearchParams(Object.entries({ ...filters, before: undefined }).filter((e): e is [string, string] => typeof e[1] === "string"));
  return (
    <>
      <PageHeader title="Audit log" description="Every change in this programme: who, when, on what, and each field before and after. Bulk work, such as an import, is one row that opens onto its changes. Events are never changed or deleted." />
      <AuditFiltersForm filters={filters} choices={choices} exportHref={`/p/${programme.slug}/audit/export?${query}`} />
      <AuditTable rows={rows} names={names} work={work} />
      <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
        {filters.before ? (
          <Link href={`/p/${programme.slug}/audit?${query}`} className="text-brand-700 underline">
            Newest events
          </Link>
        ) : null}
        {nextBefore ? (
          <Link href={`/p/${programme.slug}/audit?${new URLSearchParams({ ...Object.fromEntries(query), before: String(nextBefore) })}`} className="text-brand-700 underline">
            Older events
          </Link>
        ) : null}
      </nav>
    </>
  );
}
