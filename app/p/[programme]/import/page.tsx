import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportForm } from "@/components/inventory/import-form";
import { CSV_COLUMNS } from "@/lib/inventory/csv";
import { MAX_IMPORT_BYTES } from "@/lib/inventory/limits";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ReadOnlyNotice } from "@/components/ui/read-only";
import { can } from "@/lib/auth/rules";

export const metadata: Metadata = { title: "Import and export" };

export default async function ImportPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const base = `/p/${programme.slug}`;
  const importing = can(programme.role, "inventory.import");
  return (
    <>
      <Breadcrumb href={`${base}/services`} label="Services" />
      <PageHeader title="Import and export" description="Bring the inventory in from a Backstage catalog, a spreadsheet or a Ferry backup; take a lossless backup." />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
          <Card title="Import">
            {importing.allowed ? (
              <>
                <p className="mb-4 text-sm text-slate-700">
                  Services are matched by name: new ones are created, changed ones updated, the rest left alone. Nothing is deleted unless you tick the removals shown in the preview.
                  Any problem in the file means nothing is written. Files up to {MAX_IMPORT_BYTES / 1024 / 1024} MiB.
                </p>
                <ImportForm slug={programme.slug} maxBytes={MAX_IMPORT_BYTES} />
              </>
            ) : (
              <ReadOnlyNotice reason={`${importing.reason} Importing into the inventory is a programme manager's; the export on this page is open to you.`} />
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Export">
            <p className="text-sm text-slate-700">The whole programme as Ferry JSON: importing it into an empty programme and exporting again gives the same bytes.</p>
            <a href={`${base}/import/backup`} download className="mt-3 inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              Download backup (Ferry JSON)
            </a>
          </Card>
          <Card title="CSV columns">
            <p className="text-sm text-slate-700">
              Lists are separated by <code>;</code>; <code>depends_on</code> entries may end in <code>:sync</code>, <code>:async</code> or <code>:data</code>.
            </p>
            <p className="mt-2 text-xs text-slate-600">{CSV_COLUMNS.map((c) => c.name).join(", ")}</p>
            <a href={`${base}/import/template`} download className="mt-3 inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              Download the CSV template
            </a>
          </Card>
        </div>
      </div>
    </>
  );
}
