import { Link } from "@/components/ui/link";

/** The way back up from a sub-page ("Services" from a service, the teams or the import page). */
export function Breadcrumb({ href, label }: { href: string; label: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
        {label}
      </Link>
    </nav>
  );
}
