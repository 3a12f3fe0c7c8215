import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/card";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "people", title: "People and access", text: "Members, roles, team memberships and people waiting for a role after their first sign-in." },
  { href: "tokens", title: "API tokens", text: "Personal tokens for scripts and pipelines, and service accounts for automation." },
  { href: "templates", title: "Checklist templates", text: "The definition of done: items, guidance, which slices they apply to and the traffic stage each gates." },
  { href: "cadence", title: "Wave cadence", text: "How long a wave lasts and when wave 1 starts, which dates the waves a plan creates." },
  { href: "facilities", title: "Platform facilities", text: "Logging, pipelines, ingress, monitoring and the rest of what the cluster needs before services land, and which waves need them." },
] as const;

export default async function SettingsPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  return (
    <>
      <PageHeader title="Settings" description="People, roles, templates and platform facilities." />
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={`/p/${programme.slug}/settings/${s.href}`} className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500">
              <span className="font-semibold text-slate-900">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
