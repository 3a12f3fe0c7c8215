import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/current";
import { listProgrammes } from "@/lib/programmes/queries";
import { formatDate } from "@/lib/format";

// One programme: go straight to it. Several: choose. None: say how to start one.
export default async function HomePage() {
  const programmes = await listProgrammes(await requirePageActor());
  if (programmes.length === 1) redirect(`/p/${programmes[0].slug}`);
  return (
    <main id="main" className="mx-auto max-w-3xl p-10">
      <PageHeader title="Programmes" description="Each programme is one migration, with its own inventory, waves and report." />
      {programmes.length === 0 ? (
        <p className="text-slate-700">
          No programme yet. Create one through the API (<code>POST /api/v1/programmes</code>) or start Ferry with the demo seed.
        </p>
      ) : (
        <ul className="space-y-3">
          {programmes.map((p) => (
            <li key={p.slug}>
              <Link href={`/p/${p.slug}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
                <span className="font-medium">{p.name}</span>
                <span className="block text-sm text-slate-600">{p.targetDate ? `Target ${formatDate(new Date(p.targetDate))}` : "No target date"}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
