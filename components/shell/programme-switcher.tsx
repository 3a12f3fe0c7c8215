import { Link } from "@/components/ui/link";
import type { ProgrammeSummary } from "@/lib/programmes/schemas";

/**
 * Switches programmes with a native disclosure: keyboard operable and announced by screen
 * readers without any script. Each programme opens on the person's start page there
 * (`startPaths`: My work where they lead).
 */
export function ProgrammeSwitcher({ current, programmes, startPaths }: { current: { slug: string; name: string }; programmes: ProgrammeSummary[]; startPaths: ReadonlyMap<string, string> }) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="block text-xs text-slate-500">Programme</span>
          {/* Two lines before it is cut: "Legacy estate to Kub…" named no programme. */}
          <span className="line-clamp-2 font-medium">{current.name}</span>
        </span>
        <span aria-hidden="true" className="text-slate-500 transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <nav aria-label="Programmes" className="absolute left-0 right-0 z-20 mt-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ul>
          {programmes.map((p) => (
            <li key={p.slug}>
              <Link
                href={startPaths.get(p.slug) ?? `/p/${p.slug}`}
                aria-current={p.slug === current.slug ? "true" : undefined}
                className="block rounded px-3 py-2 text-sm hover:bg-slate-100 aria-[current=true]:font-semibold"
              >
                {p.name}
                {p.slug === current.slug ? <span className="sr-only"> (current)</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
