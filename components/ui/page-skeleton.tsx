/**
 * The skeleton a programme page shows while its data loads (a segment's loading.tsx). Only
 * on segments where no page can be not found: a loading boundary sends the 200 before the
 * page runs, so a notFound() below one answers 200 (lib/programmes/page-params.test.ts checks).
 * It pulses only for people who have not asked their system for less motion.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-4 motion-safe:animate-pulse">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-64 rounded bg-slate-200" />
      <div className="grid grid-cols-4 gap-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
