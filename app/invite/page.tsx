import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptSignInLinkForm } from "@/components/people/invitations-accept-form";
import { currentActor } from "@/lib/auth/current";
import { getSignInLinkForPage } from "@/lib/auth/queries";
import { UNUSABLE_LINK_MESSAGE } from "@/lib/auth/sign-in-link-rules";
import { formatDateTime } from "@/lib/format";

// The address carries the link's secret: it is never sent on as a referrer.
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * Where a one-time sign-in link leads (ADR 34): whose link it is, and a form to choose a
 * password, after which the person is signed in. Opening the page changes nothing, so a mail
 * scanner that follows the link does not use it up.
 */
export default async function InvitePage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length <= 200 ? raw : null;
  const link = token ? await getSignInLinkForPage(token) : null;
  const actor = await currentActor();
  if (!token || !link || link.state !== "usable") {
    const message = UNUSABLE_LINK_MESSAGE[link && link.state !== "usable" ? link.state : "unknown"];
    return (
      <AuthCard title="This link cannot be used">
        <p className="text-sm text-slate-800">{message}</p>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="text-brand-700 underline">
            Go to sign-in
          </Link>
        </p>
      </AuthCard>
    );
  }
  const welcome = link.purpose === "invitation";
  return (
    <AuthCard title={welcome ? "Welcome to Ferry" : "Choose a new password"}>
      <p className="mb-4 text-sm text-slate-700">
        {welcome ? `You are invited to ${link.programme} as ` : "A new password for "}
        <span className="font-medium text-slate-900">{link.name}</span> ({link.email}). This link works once, until {formatDateTime(link.expiresAt)}.
      </p>
      {actor ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are signed in as {actor.name}. Setting this password signs you in as {link.name} instead.
        </p>
      ) : null}
      <AcceptSignInLinkForm token={token} email={link.email} submitLabel={welcome ? "Set password and sign in" : "Change password and sign in"} />
    </AuthCard>
  );
}
