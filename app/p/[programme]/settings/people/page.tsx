import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { AddMemberForm, RemoveMemberButton, RoleForm, TeamsForm } from "@/components/people/member-forms";
import { SignInLinkButton } from "@/components/people/invitations-forms";
import { InvitationsPanel } from "@/components/people/invitations-panel";
import { listMembers } from "@/lib/auth/queries";
import { SSO_PROVIDER } from "@/lib/auth/better-auth";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "People and access" };

const ROLE_HELP = "Managers change everything here; leads tick items and move slices their teams own; viewers read.";

export default async function PeoplePage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const { members, teams } = await listMembers(programme.id);
  const canManage = programme.role === "manager";
  // People who arrived through SSO start as viewers: list them first so a manager sees who waits.
  const pending = members.filter((m) => m.role === "viewer" && m.user.accounts.some((a) => a.providerId === SSO_PROVIDER));
  return (
    <>
      <PageHeader title="People and access" description={ROLE_HELP} />
      <div className="space-y-6">
        {pending.length > 0 ? (
          <Card title="Signed in through SSO, waiting for a role">
            <ul className="space-y-1 text-sm">
              {pending.map((m) => (
                <li key={m.user.id}>
                  {m.user.name} <span className="text-slate-500">{m.user.email}</span> · viewer since {formatDate(m.createdAt)}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title={`Members (${members.length})`}>
          {/* Below 768 px each member reads as a card: the cells stack, each with its column's name. */}
          <table className="w-full text-sm max-md:block">
            <caption className="sr-only">Members of {programme.name}</caption>
            <thead className="text-left text-slate-600 max-md:hidden">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Person</th>
                <th scope="col" className="py-2 pr-3 font-medium">Role</th>
                <th scope="col" className="py-2 pr-3 font-medium">Teams</th>
                <th scope="col" className="py-2 pr-3 font-medium">Signs in with</th>
                {canManage ? <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="max-md:block">
              {members.map((m) => (
                <tr key={m.user.id} className="border-t border-slate-100 align-top max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-2 max-md:py-3">
                  <th scope="row" className="py-2 pr-3 text-left font-normal max-md:col-span-2 max-md:block max-md:py-0">
                    <span className="font-medium">{m.user.name}</span>
                    {m.user.isServiceAccount ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs">service account</span> : null}
                    <span className="block break-all text-xs text-slate-600">{m.user.email}</span>
                  </th>
                  <td className="py-2 pr-3 max-md:block max-md:py-0">
                    <MobileLabel>Role</MobileLabel>
                    {canManage ? <RoleForm slug={programme.slug} userId={m.user.id} role={m.role} name={m.user.name} /> : m.role}
                  </td>
                  <td className="py-2 pr-3 max-md:order-1 max-md:col-span-2 max-md:block max-md:py-0">
                    <MobileLabel>Teams</MobileLabel>
                    {canManage ? (
                      <TeamsForm slug={programme.slug} userId={m.user.id} name={m.user.name} teams={teams} memberOf={m.user.teamMembers} />
                    ) : (
                      teams.filter((t) => m.user.teamMembers.some((tm) => tm.teamId === t.id)).map((t) => t.name).join(", ") || "—"
                    )}
                  </td>
                  <td className="py-2 pr-3 max-md:block max-md:py-0">
                    <MobileLabel>Signs in with</MobileLabel>
                    <span className="text-slate-600">
                      {m.user.accounts.map((a) => (a.providerId === SSO_PROVIDER ? "SSO" : a.providerId === "credential" ? "password" : a.providerId)).join(", ") || (m.user.isServiceAccount ? "tokens" : "not yet")}
                    </span>
                  </td>
                  {canManage ? (
                    <td className="py-2 max-md:order-2 max-md:col-span-2 max-md:block max-md:py-0">
                      {/* A sign-in link for people who sign in with a password, or have no way in yet (ADR 34). */}
                      {m.user.isServiceAccount || m.user.accounts.some((a) => a.providerId !== "credential") ? null : (
                        <SignInLinkButton slug={programme.slug} userId={m.user.id} name={m.user.name} hasPassword={m.user.accounts.length > 0} />
                      )}
                      <RemoveMemberButton slug={programme.slug} userId={m.user.id} name={m.user.name} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        {canManage ? <InvitationsPanel slug={programme.slug} programmeId={programme.id} /> : null}
        {canManage ? (
          <Card title="Add a member">
            <AddMemberForm slug={programme.slug} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

/** A cell's column name, shown only where the table reads as cards (the header row is hidden there). */
function MobileLabel({ children }: { children: string }) {
  return <span className="block text-xs font-medium text-slate-600 md:hidden">{children}</span>;
}
