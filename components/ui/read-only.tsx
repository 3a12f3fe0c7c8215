import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { PageHeader } from "./card";

/**
 * Says, where a control would be, that this person may read but not change it, and why (the
 * permission table's own reason, from `can`). Screens show it instead of a control the server
 * would refuse.
 */
export function ReadOnlyNotice({ reason, className = "" }: { reason: string; className?: string }) {
  return (
    <p role="note" className={`rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700 ${className}`}>
      <span className="font-medium text-slate-900">You can read this but not change it.</span> {reason}
    </p>
  );
}

/**
 * The answer to a direct address of a form the person may not use: what the page is, that they
 * can read but not change it, and the way to the page they can read. Never the form.
 */
export function ReadOnlyPage({ title, reason, back, children }: { title: string; reason: string; back: { href: string; label: string }; children?: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <section aria-labelledby="read-only-title" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="read-only-title" className="text-base font-semibold text-slate-900">
          You can read this but not change it
        </h2>
        <p className="mt-2 text-sm text-slate-700">{reason}</p>
        {children}
        <p className="mt-4">
          <Link href={back.href} className="text-sm font-medium text-brand-700 underline">
            {back.label}
          </Link>
        </p>
      </section>
    </>
  );
}
