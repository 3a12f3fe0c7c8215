import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";

/**
 * An editor that chooses from a long list (every service in no slice, every slice not started:
 * hundreds in a large programme), opened by the page's address instead of a disclosure, so
 * its list is loaded and sent only when someone asks for it. Closed, it is a link to the same
 * page with the editor open, drawn like a closed disclosure; open, a titled region with a link
 * that closes it. Navigating keeps the scroll position, as a disclosure would.
 */
export function EditorOnRequest({ id, title, open, openHref, closeHref, children }: { id: string; title: string; open: boolean; openHref: string; closeHref: string; children?: ReactNode }) {
  if (!open) {
    return (
      <p className="mt-4">
        <Link href={`${openHref}#${id}`} scroll={false} className="text-sm font-medium text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1.5 inline-block align-[0.1em] text-[0.6rem]">▶</span>
          {title}
        </Link>
      </p>
    );
  }
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mt-4 rounded-md border border-slate-200 p-3">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          {title}
        </h3>
        <Link href={closeHref} scroll={false} aria-label={`Close: ${title}`} className="text-sm text-brand-700 underline">
          Close
        </Link>
      </div>
      {children}
    </section>
  );
}
