import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { NavLinks } from "@/components/shell/nav-links";
import { ProgrammeNav } from "@/components/shell/programme-nav";
import { signOutAction } from "@/lib/auth/actions";
import { ProgrammeSwitcher } from "@/components/shell/programme-switcher";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { listProgrammes, programmeStartPaths } from "@/lib/programmes/queries";

export default async function ProgrammeLayout({ children, params }: { children: ReactNode; params: Promise<{ programme: string }> }) {
  const { programme: slug } = await params;
  const { actor, programme } = await getProgrammeForPage(slug);
  const [programmes, startPaths] = await Promise.all([listProgrammes(actor), programmeStartPaths(actor)]);
  const brand = (
    <Link href="/" className="flex items-center gap-2 px-1 text-lg font-bold tracking-tight text-brand-900">
      <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm text-white">
        F
      </span>
      Ferry
    </Link>
  );
  return (
    <div className="min-h-screen lg:flex">
      <ProgrammeNav brand={brand}>
        <ProgrammeSwitcher current={programme} programmes={programmes} startPaths={startPaths} />
        <nav aria-label="Sections">
          <NavLinks slug={programme.slug} showMyWork={programme.role === "lead"} />
        </nav>
        <div className="mt-auto space-y-2 px-1 text-xs text-slate-600">
          <p>
            Signed in as <span className="font-medium text-slate-800">{actor.name}</span>
            <span className="block">
              {programme.role} of this programme{actor.isAdmin ? " · administrator" : ""}
            </span>
          </p>
          <form action={signOutAction}>
            <button type="submit" className="rounded px-0 text-brand-700 underline">
              Sign out
            </button>
          </form>
        </div>
      </ProgrammeNav>
      <main id="main" className="min-w-0 flex-1 px-4 py-5 sm:px-6 lg:px-8 lg:py-6">
        {children}
      </main>
    </div>
  );
}
