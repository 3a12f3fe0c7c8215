"use client";

import { Link } from "@/components/ui/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, useSyncExternalStore } from "react";
import {
  createColumnHelper,
  functionalUpdate,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type CellContext,
  type HeaderContext,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import type { ServiceListRow } from "@/lib/services/queries";
import { statusLabel } from "@/lib/slices/stages";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { BulkEdit } from "./bulk-edit";
import { strategyLabel } from "./labels";

const noSubscribe = () => () => {};
const features = tableFeatures({ rowSelectionFeature, rowSortingFeature });
const col = createColumnHelper<typeof features, ServiceListRow>();
const link = "text-brand-700 underline underline-offset-2";
// Columns of short values (a number, a code, a pair of counts), kept on one line; the rest wrap.
const ONE_LINE = new Set(["select", "tier", "strategy", "wave", "peakRps", "deps"]);

/**
 * The table's columns, made once per slug and edit right (ServicesTable memoises them). TanStack
 * renders a column's `cell` and `header` as components: defined afresh on every render, each
 * render would remount every cell, putting new links and boxes in the place of the old ones.
 * Right after hydration that swapped the link under a click that had just begun, and the
 * click went nowhere; a box ticked from the keyboard lost its focus the same way.
 */
function serviceColumns(slug: string, canEdit: boolean) {
  return col.columns([
    ...(canEdit ? [col.display({ id: "select", header: SelectAllBox, cell: SelectRowBox, enableSorting: false })] : []),
    col.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link href={`/p/${slug}/services/${c.row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    // Every name is a link (team, slice, wave), like the service's own.
    col.accessor("team", {
      header: "Team",
      cell: (c) =>
        c.row.original.teamId ? (
          <Link href={`/p/${slug}/teams/${c.row.original.teamId}`} className={link}>
            {c.getValue()}
          </Link>
        ) : (
          <span className="text-slate-600">no team</span>
        ),
    }),
    col.accessor("kind", { header: "Kind", cell: (c) => `${c.getValue()}${c.row.original.stateful ? " · stateful" : ""}` }),
    col.accessor("tier", { header: "Tier" }),
    col.accessor("strategy", { header: "Strategy", cell: (c) => strategyLabel[c.getValue()] ?? c.getValue() }),
    col.accessor("wave", {
      header: "Wave",
      cell: (c) => {
        const wave = c.getValue();
        return wave === null ? (
          "—"
        ) : (
          <Link href={`/p/${slug}/waves#wave-${wave}`} className={link} aria-label={`Wave ${wave} on the board`}>
            {wave}
          </Link>
        );
      },
    }),
    col.accessor("status", {
      header: "Slice status",
      cell: (c) => {
        const { slice, sliceId } = c.row.original;
        if (!c.getValue() || !sliceId) return <span className="text-slate-600">not in a slice</span>;
        return (
          <>
            {statusLabel[c.getValue() as SliceStatus]} (
            <Link href={`/p/${slug}/slices/${sliceId}`} className={link}>
              {slice}
            </Link>
            )
          </>
        );
      },
    }),
    col.accessor("peakRps", { header: "Peak rps", cell: (c) => c.getValue()?.toLocaleString("en-GB") ?? "—" }),
    col.display({ id: "deps", header: "Uses / used by", enableSorting: false, cell: ({ row }) => `${row.original.dependsOn} / ${row.original.usedBy}` }),
    col.accessor("tags", { header: "Tags", enableSorting: false, cell: (c) => [...new Set(c.getValue())].join(", ") }),
  ]);
}

const useHydrated = () => useSyncExternalStore(noSubscribe, () => true, () => false);

// Selection boxes stay disabled until React has hydrated, so an early click is not lost.
function SelectAllBox({ table }: HeaderContext<typeof features, ServiceListRow>) {
  const hydrated = useHydrated();
  const everyRow = table.getRowModel().rows.every((row) => row.getCanSelect());
  return (
    <input
      type="checkbox"
      aria-label={everyRow ? "Select every service on this page" : "Select every service on this page that you may change"}
      disabled={!hydrated}
      checked={table.getIsAllPageRowsSelected()}
      ref={(el) => {
        if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
      }}
      onChange={(e) => table.toggleAllPageRowsSelected(e.target.checked)}
    />
  );
}

// A row the person may not change has no box: "read only" in words instead.
function SelectRowBox({ row }: CellContext<typeof features, ServiceListRow, unknown>) {
  const hydrated = useHydrated();
  return row.getCanSelect() ? (
    <input type="checkbox" aria-label={`Select ${row.original.name}`} disabled={!hydrated} checked={row.getIsSelected()} onChange={(e) => row.toggleSelected(e.target.checked)} />
  ) : (
    <span className="text-xs text-slate-600">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{row.original.name} is read only for you</span>
    </span>
  );
}

/**
 * The services table: rows come from the server already filtered, sorted and paginated (the
 * URL holds that state); TanStack Table adds row selection for bulk edit and drives the sort
 * headers, whose changes go back into the URL.
 */
export function ServicesTable({ slug, rows, total, teams, allowNoTeam, editableIds }: { slug: string; rows: ServiceListRow[]; total: number; teams: string[]; allowNoTeam: boolean; /** The rows this person may change (the server's rule, decided on the page). */ editableIds: string[] }) {
  const editable = new Set(editableIds);
  const canEdit = editable.size > 0;
  const router = useRouter();
  const params = useSearchParams();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const sorting: SortingState = [{ id: params.get("sort") ?? "name", desc: params.get("dir") === "desc" }];

  const columns = useMemo(() => serviceColumns(slug, canEdit), [slug, canEdit]);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.id,
    state: { rowSelection, sorting },
    enableRowSelection: (row) => editable.has(row.id),
    onRowSelectionChange: setRowSelection,
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      const url = new URLSearchParams(params.toString());
      url.set("sort", next?.id ?? "name");
      url.set("dir", next?.desc ? "desc" : "asc");
      url.delete("page");
      router.push(`?${url.toString()}`);
    },
  });

  const selected = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  return (
    <>
      {canEdit ? (
        <BulkEdit
          slug={slug}
          ids={selected}
          names={rows.filter((r) => rowSelection[r.id]).map((r) => r.name)}
          teams={teams}
          allowNoTeam={allowNoTeam}
          onDone={() => {
            setRowSelection({});
            router.refresh();
          }}
        />
      ) : null}
      <ScrollRegion labelledBy="services-caption" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption id="services-caption" className="sr-only">
            Services, {total} matching. Column headers sort the list.
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" className="whitespace-nowrap px-2 py-2" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.getIsSelected() ? "bg-brand-50" : undefined}>
                {row.getAllCells().map((cell) =>
                  cell.column.id === "name" ? (
                    <th key={cell.id} scope="row" className="whitespace-nowrap px-2 py-2 text-left font-normal">
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    // Only the short columns keep to one line: with every cell unwrapped the table
                    // outgrew a 1440 px screen and hid its last columns behind a sideways scroll.
                    <td key={cell.id} className={`px-2 py-2 text-slate-700 ${ONE_LINE.has(cell.column.id) ? "whitespace-nowrap" : "min-w-24"}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-600">
                  No services match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
