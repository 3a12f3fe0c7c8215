import { Card } from "@/components/ui/card";
import { listOpenSignInLinks } from "@/lib/auth/queries";
import { formatDateTime } from "@/lib/format";
import { RevokeSignInLinkButton } from "./invitations-forms";

/** The programme's sign-in links waiting to be used, for its managers to withdraw; nothing when there are none. */
export async function InvitationsPanel({ slug, programmeId }: { slug: string; programmeId: string }) {
  const links = await listOpenSignInLinks(programmeId);
  if (links.length === 0) return null;
  return (
    <Card title={`Sign-in links waiting to be used (${links.length})`}>
      <ul className="divide-y divide-slate-100 text-sm">
        {links.map((l) => (
          <li key={l.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
            <span>
              <span className="font-medium">{l.purpose === "invitation" ? "Invitation" : "Password reset"}</span> for {l.user.name}{" "}
              <span className="break-all text-slate-600">{l.user.email}</span>
              <span className="block text-xs text-slate-600">
                By {l.createdByName}, {formatDateTime(l.createdAt)} · works until {formatDateTime(l.expiresAt)}
              </span>
            </span>
            <RevokeSignInLinkButton slug={slug} linkId={l.id} name={l.user.name} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
