import { Link } from "@/components/ui/link";
import { signOutAction } from "@/lib/auth/actions";

/** Ferry's name and mark, linking to the programme list: the same on every signed-in page. */
export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 px-1 text-lg font-bold tracking-tight text-brand-900">
      <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm text-white">
        F
      </span>
      Ferry
    </Link>
  );
}

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded px-0 text-brand-700 underline">
        Sign out
      </button>
    </form>
  );
}
