import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { Brand, SignOutButton } from "@/components/shell/brand";
import { CreateProgrammeForm } from "@/components/programmes/create-programme-form";
import { requirePageActor } from "@/lib/auth/current";
import { listProgrammes, programmeStartPaths } from "@/lib/programmes/queries";
import { formatDate } from "@/lib/format";

// One programme: go straight to its start page (a lead's is My work). Several: choose. None: say how to start one.
// Sign-in lands here too (its default `next`), so this is where a lead is sent to My work.
export default async function HomePage() {
  const actor = await requirePageActor();
  const programmes = await listProgrammes(actor);
  // Administrators always see the list (it is where they create programmes) and manage everywhere.
  const startPaths = await programmeStartPaths(actor);
  if (programmes.length === 1 && !actor.isAdmin) redirect(startPaths.get(programmes[0].slug)!);
  return (
    <>
      {/* The programme pages carry these in their sidebar; here, with no programme yet, a bar. */}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-10">
          <Brand />
          <div className="flex items-center gap-3 text-xs text-slate-600">
            <p>
              Signed in as <span className="font-medium text-slate-800">{actor.name}</span>
              {actor.isAdmin ? " · administrator" : ""}
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:p-10">
        <PageHeader title="Programmes" description="Each programme is one migration, with its own inventory, waves and report." />
        {programmes.length === 0 ? (
          <p className="text-slate-700">
            {actor.isAdmin ? "No programme yet: create the first one below." : "You are not a member of any programme yet. Ask a programme manager to add you."}
          </p>
        ) : (
          <ul className="space-y-3">
            {programmes.map((p) => (
              <li key={p.slug}>
                <Link href={startPaths.get(p.slug)!} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
                  <span className="font-medium">{p.name}</span>
                  <span className="block text-sm text-slate-600">{p.targetDate ? `Target ${formatDate(new Date(p.targetDate))}` : "No target date"}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {actor.isAdmin ? (
          <section aria-labelledby="new-programme" className="mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="new-programme" className="mb-3 text-base font-semibold">
              New programme
            </h2>
            <CreateProgrammeForm />
            <p className="mt-2 text-xs text-slate-500">You become its first manager; add the others on its People page.</p>
          </section>
        ) : null}
      </main>
    </>
  );
}
