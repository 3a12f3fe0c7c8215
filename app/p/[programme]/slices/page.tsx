import type { Metadata } from "next";
import { ProgrammeLive } from "@/components/live/programme-live";
import { PageHeader } from "@/components/ui/card";
import { SliceFilters } from "@/components/slices/slice-filters";
import { NewSliceForm } from "@/components/slices/slice-editor-create";
import { can } from "@/lib/auth/rules";
import { getNewSliceOptions } from "@/lib/slices/queries/slice-editor";
import { SliceTable } from "@/components/slices/slice-table";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getSliceFilterOptions, listSlices, SLICE_LIST_LIMIT } from "@/lib/slices/queries/slice-list";
import { listMyTeamIds } from "@/lib/slices/queries/slice";
import { sliceListFiltersSchema } from "@/lib/slices/schemas";

export const metadata: Metadata = { title: "Slices" };

type Props = { params: Promise<{ programme: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SlicesPage({ params, searchParams }: Props) {
  const { actor, programme } = await getProgrammeForPage((await params).programme);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const filters = sliceListFiltersSchema.parse(raw);
  const teamIds = programme.role === "lead" ? await listMyTeamIds(actor.userId, programme.id) : [];
  // A lead starts on their own teams' slices; "view=all" (or a team filter) shows the rest.
  const showingMine = programme.role === "lead" && teamIds.length > 0 && filters.view !== "all" && !filters.team;
  const [{ rows, matched }, options] = await Promise.all([listSlices(programme.id, filters, showingMine ? teamIds : null), getSliceFilterOptions(programme.id)]);
  const base = `/p/${programme.slug}/slices`;
  const newSlice = can(programme.role, "slice.create").allowed ? await getNewSliceOptions(programme.id) : null;
  return (
    <>
      <ProgrammeLive slug={programme.slug} />
      <PageHeader title="Slices" description="The units that move, each through traffic stages 0 → mirror → 1% → 10% → 50% → 100%." />
      {newSlice ? <NewSliceForm slug={programme.slug} options={newSlice} /> : null}
      <SliceFilters base={base} filters={filters} options={options} isLead={programme.role === "lead"} showingMine={showingMine} />
      <p role="status" className="mb-2 text-sm text-slate-700">
        {showingMine ? "Your teams' slices: " : ""}
        {matched === rows.length ? `${matched} slice${matched === 1 ? "" : "s"}` : `Showing the first ${SLICE_LIST_LIMIT} of ${matched} slices; narrow the filters to see the rest`}
      </p>
      <SliceTable slug={programme.slug} rows={rows} />
    </>
  );
}
