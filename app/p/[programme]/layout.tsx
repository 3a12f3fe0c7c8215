import type { ReactNode } from "react";
import { Brand, SignOutButton } from "@/components/shell/brand";
import { NavLinks } from "@/components/shell/nav-links";
import { ProgrammeNav } from "@/components/shell/programme-nav";
import { ProgrammeSwitcher } from "@/components/shell/programme-switcher";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { listProgrammes, programmeStartPaths } from "@/lib/programmes/queries";

export default async function ProgrammeLayout({ children, params }: { children: ReactNode; params: Promise<{ programme: string }> }) {
  const { programme: slug } = await params;
  const { actor, programme } = await getProgrammeForPage(slug);
  const [programmes, startPaths] = await Promise.all([listProgrammes(actor), programmeStartPaths(actor)]);
  return (
    <div className="min-h-screen lg:flex">
      <ProgrammeNav brand={<Brand />}>
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
          <SignOutButton />
        </div>
      </ProgrammeNav>
      <main id="main" tabIndex={-1} className="min-w-0 outline-none flex-1 px-4 py-5 sm:px-6 lg:px-8 lg:py-6">
        {children}
      </main>
    </div>
  );
}
