import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl p-10">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-3 text-slate-700">There is nothing here, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to your programmes
      </Link>
    </main>
  );
}
