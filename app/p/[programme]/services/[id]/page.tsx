import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { AddDependency, DependencyRowControls } from "@/components/services/dependency-editor";
import { DeleteService } from "@/components/services/delete-service";
import { ServiceHistory } from "@/components/services/service-history";
import { strategyLabel } from "@/components/services/labels";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { teamIdsOf } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/rules";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { pageParamOrNotFound } from "@/lib/programmes/page-params";
import { getService, listServiceNames } from "@/lib/services/queries";
import { stageFromDb, stageLabel, statusLabel } from "@/lib/slices/stages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Service" };

const none = <span className="text-slate-500">—</span>;
const list = (xs: string[]) => (xs.length ? xs.join(", ") : none);
const yesNo = (b: boolean) => (b ? "Yes" : "No");

export default async function ServicePage({ params }: { params: Promise<{ programme: string; id: string }> }) {
  const { programme: slug, id } = await params;
  const { actor, programme } = await getProgrammeForPage(slug);
  const [s, names] = await Promise.all([getService(programme.id, pageParamOrNotFound(id)), listServiceNames(programme.id)]);
  if (!s) notFound();
  const base = `/p/${programme.slug}`;
  // The rules the mutations check, so the page offers only what the server would do; the
  // mutations still authorise on their own.
  const scope = { memberTeamIds: programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [], ownerTeamIds: [s.team?.id ?? null] };
  const edit = can(programme.role, "service.edit", scope);
  const canEdit = edit.allowed;
  const canEditDependencies = can(programme.role, "dependency.edit", scope).allowed;
  const canDelete = can(programme.role, "service.delete").allowed;
  const canCreateSlice = can(programme.role, "slice.create").allowed;
  const done = s.slice?.checklistItems.filter((i) => i.state !== "open").length ?? 0;
  const items = s.slice?.checklistItems.length ?? 0;
  const fields: [string, React.ReactNode][] = [
    ["Owner team", s.team ? <Link href={`${base}/teams/${s.team.id}`} className="text-brand-700 underline-offset-2 hover:underline">{s.team.name}</Link> : none],
    ["Kind", s.kind],
    ["Stateful", yesNo(s.stateful)],
    ["Shared infrastructure", yesNo(s.shared)],
    ["Data stores", list(s.dataStores)],
    ["Sticky sessions", yesNo(s.sessionSticky)],
    ["Configured through", list(s.configSources)],
    ["Configuration notes", s.configNotes ?? none],
    ["Launch command", s.launchCommand ? <code>{s.launchCommand}</code> : none],
    ["Build command", s.buildCommand ? <code>{s.buildCommand}</code> : none],
    ["Migration command", s.migrateCommand ? <code>{s.migrateCommand}</code> : none],
    ["Peak requests per second", s.peakRps?.toLocaleString("en-GB") ?? none],
    ["Tier", `${s.tier}${s.tier === 1 ? " (most critical)" : ""}`],
    ["Strategy", strategyLabel[s.strategy]],
    ["Legacy platform", s.legacyPlatform ?? none],
    ["Target", s.targetCluster || s.targetNamespace ? `${s.targetCluster ?? "?"} / ${s.targetNamespace ?? "?"}` : none],
    ["Repository", s.repositoryUrl ? <a href={s.repositoryUrl} className="break-all text-brand-700 underline-offset-2 hover:underline">{s.repositoryUrl}</a> : none],
    ["System", s.system ?? none],
    ["Tags", list(s.tags)],
  ];
  return (
    <>
      <Breadcrumb href={`${base}/services`} label="Services" />
      <PageHeader title={s.name} description={s.description ?? undefined}>
        {canEdit || canDelete ? (
          <div className="flex flex-wrap items-start gap-2">
            {canEdit ? (
              <Link href={`${base}/services/${s.id}/edit`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
                Edit service
              </Link>
            ) : null}
            {canDelete ? <DeleteService slug={programme.slug} id={s.id} name={s.name} dependents={s.usedBy.map((d) => d.from.name)} /> : null}
          </div>
        ) : null}
      </PageHeader>
      {edit.allowed ? null : <ReadOnlyNotice reason={edit.reason} className="mb-6" />}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="Inventory">
            <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              {fields.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="mt-0.5 text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title={`Uses (${s.dependsOn.length})`}>
            <DependencyTable
              caption={`Services ${s.name} depends on`}
              rows={s.dependsOn.map((d) => ({ id: d.id, kind: d.kind, other: d.to }))}
              base={base}
              slug={programme.slug}
              canEdit={canEditDependencies}
            />
            {canEditDependencies ? <AddDependency slug={programme.slug} fromId={s.id} candidates={names.filter((n) => n.id !== s.id).map((n) => n.name)} /> : null}
          </Card>
          <Card title={`Used by (${s.usedBy.length})`}>
            <DependencyTable caption={`Services that depend on ${s.name}`} rows={s.usedBy.map((d) => ({ id: d.id, kind: d.kind, other: d.from }))} base={base} slug={programme.slug} canEdit={false} />
            <p className="mt-2 text-xs text-slate-500">These are edited on each depending service&apos;s page.</p>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Slice and wave">
            {s.slice ? (
              <div className="space-y-2 text-sm">
                <p>
                  Slice{" "}
                  <Link href={`${base}/slices/${s.slice.id}`} className="font-medium text-brand-700 underline">
                    {s.slice.name}
                  </Link>
                  : {statusLabel[s.slice.status]}, traffic at {stageLabel(stageFromDb(s.slice.stage))}
                </p>
                <p>
                  {s.slice.wave ? (
                    <Link href={`${base}/waves#wave-${s.slice.wave.number}`} className="text-brand-700 underline">
                      Wave {s.slice.wave.number}
                      {s.slice.wave.name ? `: ${s.slice.wave.name}` : ""}
                    </Link>
                  ) : (
                    "Not planned into a wave yet"
                  )}
                </p>
                <p className="text-slate-600">
                  Definition of done: {done} of {items} items done or not applicable
                </p>
                <ProgressBar value={done} max={items} label={`Checklist progress of slice ${s.slice.name}`} />
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                Not in a slice yet.
                {/* Slices are made from services on the slices page, by managers. */}
                {canCreateSlice ? (
                  <>
                    {" "}
                    <Link href={`${base}/slices`} className="text-brand-700 underline">
                      Make a slice from services
                    </Link>{" "}
                    on the slices page.
                  </>
                ) : null}
              </p>
            )}
          </Card>
          <Card title="History">
            <ServiceHistory events={s.history} />
          </Card>
        </div>
      </div>
    </>
  );
}

function DependencyTable({ caption, rows, base, slug, canEdit }: { caption: string; rows: { id: string; kind: string; other: { id: string; name: string; kind: string } }[]; base: string; slug: string; canEdit: boolean }) {
  if (!rows.length) return <p className="text-sm text-slate-600">None recorded.</p>;
  return (
    <ScrollRegion label={`${caption} (table)`}>
    <table className="min-w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
        <tr>
          <th scope="col" className="py-1.5 pr-3">Service</th>
          <th scope="col" className="py-1.5 pr-3">Its kind</th>
          <th scope="col" className="py-1.5 pr-3">Dependency</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row" className="py-1.5 pr-3 text-left font-normal">
              <Link href={`${base}/services/${r.other.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {r.other.name}
              </Link>
            </th>
            <td className="py-1.5 pr-3">{r.other.kind}</td>
            {/* An editor reads the kind in the list that changes it, not twice. */}
            <td className="py-1.5 pr-3">{canEdit ? <DependencyRowControls slug={slug} id={r.id} kind={r.kind} label={r.other.name} /> : r.kind}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
