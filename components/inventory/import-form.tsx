"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportReport } from "@/lib/inventory/schemas";
import { ImportPreview } from "./import-preview";

type Problem = { line: number; message: string };
type Phase = { kind: "idle" } | { kind: "busy"; what: string } | { kind: "preview"; report: ImportReport } | { kind: "applied"; report: ImportReport } | { kind: "failed"; message: string; problems: Problem[] };

const FORMATS = [
  { value: "backstage", label: "Backstage catalog (YAML)", accept: ".yaml,.yml" },
  { value: "csv", label: "Services CSV", accept: ".csv,text/csv" },
  { value: "ferry", label: "Ferry JSON backup", accept: ".json,application/json" },
] as const;

/** Choose a file, preview what it changes, then apply it (with removals only if ticked). */
export function ImportForm({ slug, maxBytes }: { slug: string; maxBytes: number }) {
  const router = useRouter();
  const [format, setFormat] = useState<(typeof FORMATS)[number]["value"]>("backstage");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [confirmRemovals, setConfirmRemovals] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);

  async function send(kind: "preview" | "apply") {
    if (!file) return setPhase({ kind: "failed", message: "Choose a file first.", problems: [] });
    if (file.size > maxBytes) return setPhase({ kind: "failed", message: `The file is larger than the import limit of ${Math.round(maxBytes / 1024 / 1024)} MiB.`, problems: [] });
    setPhase({ kind: "busy", what: kind === "preview" ? "Reading the file…" : "Applying…" });
    const report = phase.kind === "preview" ? phase.report : null;
    const query = new URLSearchParams({ format });
    if (kind === "apply" && confirmRemovals && report) {
      query.set("confirmRemovals", "1");
      query.set("expectedRemovals", String(report.removable));
    }
    try {
      const res = await fetch(`/p/${slug}/import/${kind}?${query}`, { method: "POST", body: file });
      const body = await res.json();
      if (!res.ok) return setPhase({ kind: "failed", message: body.error?.message ?? "The import failed.", problems: Array.isArray(body.error?.details) ? body.error.details.filter((d: Problem) => typeof d.line === "number") : [] });
      if (kind === "preview") {
        if (body.errors.length) return setPhase({ kind: "failed", message: `The file has ${body.errors.length} problem${body.errors.length === 1 ? "" : "s"}; fix them and preview again. Nothing was imported.`, problems: body.errors });
        setConfirmRemovals(false);
        return setPhase({ kind: "preview", report: body });
      }
      setPhase({ kind: "applied", report: body });
      router.refresh();
    } catch {
      setPhase({ kind: "failed", message: "Could not reach Ferry. Check your connection and try again.", problems: [] });
    }
  }

  const accept = FORMATS.find((f) => f.value === format)!.accept;
  return (
    <div className="space-y-4">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send("preview");
        }}
        className="flex flex-wrap items-end gap-4"
      >
        <label className="text-sm font-medium text-slate-800">
          Format
          <select
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as typeof format);
              setPhase({ kind: "idle" });
            }}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          File
          <input
            ref={fileRef}
            type="file"
            accept={accept}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPhase({ kind: "idle" });
            }}
            className="mt-1 block text-sm"
          />
        </label>
        <button type="submit" disabled={phase.kind === "busy"} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          Preview import
        </button>
      </form>

      <div aria-live="polite" className="space-y-4">
        {phase.kind === "busy" ? <p className="text-sm text-slate-700">{phase.what}</p> : null}
        {phase.kind === "failed" ? (
          <section aria-labelledby="import-problems" className="rounded-lg border border-rose-300 bg-rose-50 p-4">
            <h2 id="import-problems" className="text-sm font-semibold text-rose-900">
              {phase.message}
            </h2>
            {phase.problems.length ? (
              <ul className="mt-2 max-h-80 space-y-1 overflow-auto text-sm text-rose-900">
                {phase.problems.map((p, i) => (
                  <li key={i}>
                    <span className="font-medium">Line {p.line}:</span> {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
        {phase.kind === "preview" ? (
          <>
            <ImportPreview report={phase.report} title="Preview: nothing has been written yet" />
            {phase.report.removable > 0 ? (
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={confirmRemovals} onChange={(e) => setConfirmRemovals(e.target.checked)} />
                Also delete the {phase.report.removable} item{phase.report.removable === 1 ? "" : "s"} missing from the file (listed under &ldquo;would remove&rdquo;)
              </label>
            ) : null}
            <button type="button" onClick={() => void send("apply")} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800">
              Apply import
            </button>
          </>
        ) : null}
        {phase.kind === "applied" ? <ImportPreview report={phase.report} title="Imported" /> : null}
      </div>
    </div>
  );
}
