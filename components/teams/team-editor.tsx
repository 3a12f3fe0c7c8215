"use client";

import { createTeamAction, setTeamPeopleAction, updateTeamAction } from "@/lib/teams/actions";
import { buttonClass, Field, secondaryButtonClass } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/*
 * The team editor. Managers create teams, rename them and choose their people; a team's own
 * leads keep its contact channel up to date (the page shows each what they may change).
 */

/** A new team; its page opens once made, to add its people. */
export function NewTeamForm({ slug }: { slug: string }) {
  const form = useActionForm(createTeamAction.bind(null, slug));
  return (
    <form {...form.props} aria-label="New team" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <FormAlert form={form} className="sm:col-span-3" />
      <Field id="new-team-name" label="Name" name="name" required maxLength={100} errors={form.errorsOf("name")} defaultValue={form.valueOf("name", "")} />
      <Field id="new-team-channel" label="Contact channel" hint="A chat channel, list or URL" name="contactChannel" maxLength={200} errors={form.errorsOf("contactChannel")} defaultValue={form.valueOf("contactChannel", "")} />
      <button type="submit" className={`${buttonClass} sm:mt-10`} disabled={form.isPending}>
        Create team
      </button>
    </form>
  );
}

/** Name (managers) and contact channel (managers and the team's leads). */
export function TeamDetailsForm({ slug, team, canRename }: { slug: string; team: { id: string; name: string; contactChannel: string | null }; canRename: boolean }) {
  const form = useActionForm(updateTeamAction.bind(null, slug));
  return (
    <form {...form.props} aria-label="Team details" className="space-y-3">
      <input type="hidden" name="teamId" value={team.id} />
      <FormAlert form={form} success="Saved." />
      {canRename ? <Field id="team-name" label="Name" name="name" required maxLength={100} errors={form.errorsOf("name")} defaultValue={form.valueOf("name", team.name)} /> : null}
      <Field id="team-channel" label="Contact channel" hint="Where to reach the team: a chat channel, list or URL. Empty: none." name="contactChannel" maxLength={200} errors={form.errorsOf("contactChannel")} defaultValue={form.valueOf("contactChannel", team.contactChannel)} />
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Save
      </button>
    </form>
  );
}

type Person = { id: string; name: string; email: string; role: string };

/** Who leads the team and who else is in it, from the programme's members. */
export function TeamPeopleForm({ slug, teamId, teamName, people, leadIds, memberIds }: { slug: string; teamId: string; teamName: string; people: Person[]; leadIds: string[]; memberIds: string[] }) {
  const form = useActionForm(setTeamPeopleAction.bind(null, slug));
  return (
    <form {...form.props} aria-label={`People of ${teamName}`} className="space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <FormAlert form={form} success="People saved." />
      <table className="w-full text-sm">
        <caption className="sr-only">Members of the programme: who is in {teamName}, and who leads it</caption>
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">Person</th>
            <th scope="col" className="w-20 py-1 pr-2 font-medium">Member</th>
            <th scope="col" className="w-20 py-1 font-medium">Lead</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className="border-t border-slate-100">
              <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                {p.name} <span className="block break-all text-xs text-slate-600">{p.email} · {p.role}</span>
              </th>
              <td className="py-1.5 pr-2">
                <input type="checkbox" name="memberIds" value={p.id} aria-label={`${p.name} is a member of ${teamName}`} defaultChecked={form.checkedOf("memberIds", memberIds.includes(p.id) || leadIds.includes(p.id), p.id)} className="h-4 w-4" />
              </td>
              <td className="py-1.5">
                <input type="checkbox" name="leadIds" value={p.id} aria-label={`${p.name} leads ${teamName}`} defaultChecked={form.checkedOf("leadIds", leadIds.includes(p.id), p.id)} className="h-4 w-4" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600">Anyone in the team whose programme role is lead may change what it owns; Lead marks who leads it (a lead is in the team too).</p>
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Save people
      </button>
    </form>
  );
}
