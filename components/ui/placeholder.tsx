import type { ReactNode } from "react";
import { PageHeader } from "./card";

/** A section that is not built yet says what it will hold; it never shows invented data. */
export function SectionPlaceholder({ title, intro, items }: { title: string; intro: ReactNode; items: string[] }) {
  return (
    <>
      <PageHeader title={title} description={intro} />
      <section aria-label={`${title}: what is coming`} className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Coming to this section</h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-slate-700">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
