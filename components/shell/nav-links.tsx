"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "", label: "Overview" },
  { href: "/services", label: "Services" },
  { href: "/dependencies", label: "Dependencies" },
  { href: "/waves", label: "Waves" },
  { href: "/slices", label: "Slices" },
  { href: "/reports", label: "Reports" },
  { href: "/settings", label: "Settings" },
  { href: "/audit", label: "Audit log" },
] as const;

/** A lead's start page, after the overview: their teams' open items, gates and waits. */
const MY_WORK = { href: "/my-work", label: "My work" } as const;

/** The programme's sections; the current one is marked for screen readers, not by colour alone. */
export function NavLinks({ slug, showMyWork = false }: { slug: string; showMyWork?: boolean }) {
  const pathname = usePathname();
  const base = `/p/${slug}`;
  const sections = showMyWork ? [SECTIONS[0], MY_WORK, ...SECTIONS.slice(1)] : SECTIONS;
  return (
    <ul className="space-y-0.5">
      {sections.map((s) => {
        const href = base + s.href;
        const current = s.href === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={s.label}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm ${
                current ? "bg-brand-50 font-semibold text-brand-900 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              <span aria-hidden="true" className={`h-4 w-1 rounded-full ${current ? "bg-brand-600" : "bg-transparent"}`} />
              {s.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
