import type { ReactNode } from "react";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md">
        <p className="mb-6 flex items-center justify-center gap-2 text-xl font-bold tracking-tight text-brand-900">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-white">
            F
          </span>
          Ferry
        </p>
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-5 text-lg font-semibold">{title}</h1>
          {children}
        </section>
      </div>
    </main>
  );
}
