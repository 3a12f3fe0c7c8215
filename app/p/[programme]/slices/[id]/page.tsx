import type { Metadata } from "next";
import { ProgrammeLive } from "@/components/live/programme-live";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ChecklistPanel } from "@/components/checklists/checklist-panel";
import { RolloutReader } from "@/components/slices/rollout-reader";
import { LatestRolloutReading } from "@/components/slices/rollout-record";
import { SliceHistory } from "@/components/slices/slice-history";
import { StageStepper } from "@/components/slices/stage-stepper";
import { AdvanceForm, RollbackForm } from "@/components/slices/stage-move-forms";
import { LiftPinForm, RehearsalForm, RenameSliceForm, RollbackPlanForm } from "@/components/slices/slice-editor-details";
import { MergeSlicesForm, SliceServicesForm, SplitSliceForm } from "@/components/slices/slice-editor-services";
import { EditorOnRequest } from "@/components/slices/editor-on-request";
import { listMergeableSlices, listUnslicedServices } from "@/lib/slices/queries/slice-editor";
import { statusColour } from "@/components/slices/status-style";
import { formatDate, formatDateTime } from "@/lib/format";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { pageParamOrNotFound } from "@/lib/programmes/page-params";
import { moveSliceStageAction, readSliceRolloutAction } from "@/lib/slices/actions";
import { getSlicePage } from "@/lib/slices/queries/slice-page";
import { slicePageSearchSchema } from "@/lib/slices/schemas";
import { stageLabel, statusLabel } from "@/lib/slices/stages";

type Params = { params: Promise<{ programme: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Slice" };

export default async function SlicePage({ params, searchParams }: Params) {
  const { programme: slug, id } = await params;
  const { edit: opened } = slicePageSearchSchema.parse(await searchParams);
  const { actor, programme } = await getProgrammeForPage(slug);
  const page = await getSlicePage(actor, programme, pageParamOrNotFound(id));
  if (!page) notFound();
  const { slice, items, gate, passedGateOpen, readings, history, blockedBy, permissions } = page;
  const moveAction = moveSliceStageAction.bind(null, programme.slug);
  const readAction = readSliceRolloutAction.bind(null, programme.slug);
  const readingsHref = `/p/${programme.slug}/slices/${slice.id}/readings`;
  const base = `/p/${programme.slug}`;
  // Each long list only for the editor the address opened (EditorOnRequest).
  const reshape = permissions.canReshape ? opened : undefined;
  const [unsliced, mergeable] = await Promise.all([reshape === "services" ? listUnslicedServices(programme.id) : [], reshape === "merge" ? listMergeableSlices(programme.id, slice.id) : []]);
  const edit = { slug: programme.slug, sliceId: slice.id, version: slice.version };
  const sliceHref = `${base}/slices/${slice.id}`;
  return (
    <>
      <ProgrammeLive slug={programme.slug} />
      <p className="mb-2 text-sm">
        <Link href={`/p/${programme.slug}/slices`} className="text-brand-700 underline">
          All slices
        </Link>
      </p>
      <PageHeader
        title={slice.name}
        description={
          <>
            Owned by{" "}
            <Link href={`${base}/teams/${slice.team.id}`} className="text-brand-700 underline">
              {slice.team.name}
            </Link>{" "}
            ·{" "}
            {slice.wave ? (
              <Link href={`${base}/waves#wave-${slice.wave.number}`} className="text-brand-700 underline">
                Wave {slice.wave.number}
                {slice.wave.name ? `: ${slice.wave.name}` : ""}
              </Link>
            ) : (
              "Not in a wave yet"
            )}
            {slice.pinnedWave !== null ? ` · pinned to wave ${slice.pinnedWave}${slice.pinReason ? ` (${slice.pinReason})` : ""}` : ""}
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Status</dt>
          <dd className="mt-1 flex items-center gap-2 text-lg font-semibold text-slate-900">
            <span aria-hidden="true" className={`h-3 w-3 rounded-full ${statusColour[slice.status]}`} />
            {statusLabel[slice.status]}
          </dd>
          {/* As the list and the board say it: the "Blocked by" card is far down the page. */}
          {blockedBy.length > 0 ? (
            <dd className="mt-2 rounded bg-rose-50 px-2 py-1 text-xs text-rose-800">
              <strong>Blocked:</strong> waits on{" "}
              {blockedBy.map((b, i) => (
                <span key={b.id}>
                  {i ? ", " : ""}
                  <Link className="underline" href={`/p/${programme.slug}/slices/${b.id}`}>
                    {b.name}
                  </Link>
                </span>
              ))}
            </dd>
          ) : null}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Traffic stage</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900">{stageLabel(slice.stage)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Definition of done</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900">
            {gate.progress.done + gate.progress.na} of {gate.progress.total} resolved
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Next gate</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900">{gate.label}</dd>
        </div>
      </dl>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="Traffic stage">
            <StageStepper stage={slice.stage} />
            <div className="mt-4">
              <p className="text-sm font-medium text-slate-900">{gate.label}</p>
              {gate.openItems.length > 0 ? (
                <ul aria-label={`Open items before ${gate.nextStage ? stageLabel(gate.nextStage) : "done"}`} className="mt-1 list-disc pl-5 text-sm text-slate-700">
                  {gate.openItems.map((item) => (
                    <li key={item.id}>{item.title}</li>
                  ))}
                </ul>
              ) : null}
              {passedGateOpen > 0 ? (
                <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                  {passedGateOpen === 1 ? "One open item gates" : `${passedGateOpen} open items gate`} a stage this slice has already passed: reopened, or added since it passed. {passedGateOpen === 1 ? "It holds" : "They hold"} the next move until resolved; each is marked in the checklist below.
                </p>
              ) : null}
            </div>
            {permissions.canMove ? (
              <div className="mt-6 grid gap-6 md:grid-cols-2">
                <section aria-labelledby="advance-heading">
                  <h3 id="advance-heading" className="mb-2 text-sm font-semibold text-slate-900">Move up</h3>
                  <AdvanceForm sliceId={slice.id} version={slice.version} stage={slice.stage} canSkip={permissions.canSkip} openGateItems={gate.openItems.length} action={moveAction} />
                </section>
                <section aria-labelledby="rollback-heading">
                  <h3 id="rollback-heading" className="mb-2 text-sm font-semibold text-slate-900">Roll back</h3>
                  <RollbackForm sliceId={slice.id} version={slice.version} stage={slice.stage} action={moveAction} />
                </section>
              </div>
            ) : (
              <ReadOnlyNotice className="mt-4" reason={`Only ${slice.team.name}'s leads and programme managers move this slice and tick its checklist.`} />
            )}
          </Card>
          {/* Next to the stage it is compared with, for every reader: the record keeps the latest reading. */}
          <LatestRolloutReading reading={readings[0] ?? null} stage={slice.stage} stageChangedAt={history.find((h) => h.kind === "move" || h.kind === "rollback")?.at ?? null} sourceHref={readingsHref} />
          <Card title="Definition of done">
            <div className="mb-4">
              <ProgressBar value={gate.progress.done + gate.progress.na} max={gate.progress.total} label="Checklist resolved" />
            </div>
            <ChecklistPanel programmeSlug={programme.slug} sliceId={slice.id} items={items} canTick={permissions.canTick} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Services">
            <ul className="space-y-1 text-sm">
              {slice.services.map((s) => (
                <li key={s.id}>
                  <Link href={`${base}/services/${s.id}`} className="font-medium text-brand-700 underline">
                    {s.name}
                  </Link>{" "}
                  <span className="text-slate-600">· {s.kind}{s.stateful ? " · stateful" : ""}</span>
                </li>
              ))}
              {slice.services.length === 0 ? <li className="text-slate-600">No services in this slice.</li> : null}
            </ul>
            {permissions.canReshape ? (
              <EditorOnRequest id="edit-services" title="Add or take out services" open={reshape === "services"} openHref={`${sliceHref}?edit=services`} closeHref={sliceHref}>
                <SliceServicesForm {...edit} services={slice.services} unsliced={unsliced} />
              </EditorOnRequest>
            ) : null}
          </Card>
          {permissions.canEdit || permissions.canPin ? (
            <Card title="Edit the slice">
              {permissions.canEdit ? <RenameSliceForm {...edit} name={slice.name} /> : null}
              {slice.pinnedWave !== null ? (
                <div className="mt-4 text-sm">
                  <p>
                    Pinned to wave {slice.pinnedWave}
                    {slice.pinReason ? `: ${slice.pinReason}` : ""}. The plan keeps it there even against the order.
                  </p>
                  {permissions.canPin ? <LiftPinForm {...edit} pinnedWave={slice.pinnedWave} /> : null}
                </div>
              ) : null}
              {permissions.canReshape ? (
                <>
                  <details className="mt-4">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">Split off services</summary>
                    <div className="mt-3">
                      <SplitSliceForm slug={programme.slug} sliceId={slice.id} name={slice.name} services={slice.services} />
                    </div>
                  </details>
                  <EditorOnRequest id="edit-merge" title="Merge other slices into this one" open={reshape === "merge"} openHref={`${sliceHref}?edit=merge`} closeHref={sliceHref}>
                    <MergeSlicesForm slug={programme.slug} sliceId={slice.id} name={slice.name} candidates={mergeable} />
                  </EditorOnRequest>
                </>
              ) : null}
            </Card>
          ) : null}
          <Card title="Rollback">
            <p className="whitespace-pre-line text-sm text-slate-800">{slice.rollbackPlan ?? "No rollback plan written yet."}</p>
            <p className="mt-2 text-sm text-slate-700">Last rehearsed: {slice.rollbackRehearsedAt ? formatDate(slice.rollbackRehearsedAt) : "never"}</p>
            {permissions.canEdit ? (
              <div className="mt-4 space-y-4 border-t border-slate-100 pt-4">
                <RollbackPlanForm {...edit} plan={slice.rollbackPlan} />
                <RehearsalForm {...edit} hasPlan={Boolean(slice.rollbackPlan)} />
              </div>
            ) : null}
          </Card>
          <Card title="Blocked by">
            {blockedBy.length === 0 ? (
              <p className="text-sm text-slate-600">Waiting on no other slice.</p>
            ) : (
              <ul aria-label="Slices this one waits for" className="space-y-1 text-sm">
                {blockedBy.map((b) => (
                  <li key={b.id}>
                    <Link className="text-brand-700 underline" href={`/p/${programme.slug}/slices/${b.id}`}>
                      {b.name}
                    </Link>{" "}
                    <span className="text-slate-600">
                      ({b.team ?? "no team"}, wave {b.wave}, {statusLabel[b.status].toLowerCase()})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {permissions.canReadRollout ? (
            <Card title="Read rollout state">
              <RolloutReader sliceId={slice.id} sourceHref={readingsHref} readAction={readAction} moveAction={moveAction} canMove={permissions.canMove} />
              {readings.length > 0 ? (
                <ul aria-label="Earlier readings" className="mt-4 space-y-1 text-xs text-slate-700">
                  {readings.map((r) => (
                    <li key={r.id}>
                      {formatDateTime(r.createdAt)}: {r.sourceKind} {r.weight}%, {r.phase ?? "no phase"}, {r.healthy ? "healthy" : "unhealthy"} ·{" "}
                      <a className="text-brand-700 underline" href={`${readingsHref}/${r.id}`} target="_blank" rel="noopener">
                        YAML<span className="sr-only"> of the {r.sourceKind} read {formatDateTime(r.createdAt)} (opens in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          ) : null}
          <Card title="History">
            <SliceHistory entries={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
