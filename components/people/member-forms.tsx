"use client";

import { addMemberAction, removeMemberAction, setRoleAction, setTeamsAction } from "@/lib/auth/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { buttonClass, CheckboxField, Field, SelectField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { NewSignInLink } from "./invitations-link";

const ROLES = ["manager", "lead", "viewer"] as const;
const ROLE_CHOICES = ROLES.map((r) => [r, r] as const);
const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-rose-600";

/** Adds a member; a person with no way to sign in gets an invitation link, shown here once. */
export function AddMemberForm({ slug }: { slug: string }) {
  const form = useActionForm(addMemberAction.bind(null, slug));
  const added = form.state?.ok ? form.state.data : null;
  return (
    <form {...form.props} className="grid grid-cols-1 gap-3 md:grid-cols-5 md:items-start" aria-label="Add a member">
      <FormAlert form={form} success={added?.note ? `Added. ${added.note}` : "Added."} className="md:col-span-5" />
      {added?.link ? (
        <div className="md:col-span-5">
          <NewSignInLink link={added.link} />
        </div>
      ) : null}
      <Field label="Email" name="email" type="email" required errors={form.errorsOf("email")} defaultValue={form.valueOf("email", "")} id="member-email" />
      <Field label="Name" name="name" required errors={form.errorsOf("name")} defaultValue={form.valueOf("name", "")} id="member-name" />
      <SelectField label="Role" name="role" id="member-role" errors={form.errorsOf("role")} defaultValue={form.valueOf("role", "viewer")} choices={ROLE_CHOICES} />
      <CheckboxField label="Service account" name="serviceAccount" id="member-service-account" className="md:mt-8" defaultChecked={form.checkedOf("serviceAccount", false)} />
      <button type="submit" className={`${buttonClass} md:mt-6`} disabled={form.isPending}>
        Add member
      </button>
    </form>
  );
}

export function RoleForm({ slug, userId, role, name }: { slug: string; userId: string; role: string; name: string }) {
  const form = useActionForm(setRoleAction.bind(null, slug));
  return (
    <form {...form.props} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select key={form.valueOf("role", role)} name="role" defaultValue={form.valueOf("role", role)} aria-label={`Role of ${name}`} aria-invalid={form.errorsOf("role") ? true : undefined} className={select}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <button type="submit" disabled={form.isPending} className="text-sm text-brand-700 underline">
        Save<span className="sr-only"> the role of {name}</span>
      </button>
      <FormAlert form={form} success="Saved." inline />
    </form>
  );
}

export function TeamsForm({ slug, userId, name, teams, memberOf }: { slug: string; userId: string; name: string; teams: { id: string; name: string }[]; memberOf: { teamId: string; isLead: boolean }[] }) {
  const form = useActionForm(setTeamsAction.bind(null, slug));
  const member = new Map(memberOf.map((m) => [m.teamId, m.isLead]));
  return (
    <form {...form.props}>
      <input type="hidden" name="userId" value={userId} />
      <details open={form.failure ? true : undefined}>
        <summary className="cursor-pointer text-sm">
          {memberOf.length === 0 ? "No team" : teams.filter((t) => member.has(t.id)).map((t) => `${t.name}${member.get(t.id) ? " (lead)" : ""}`).join(", ")}
          <span className="sr-only">: change the teams of {name}</span>
        </summary>
        <fieldset className="mt-2 space-y-1 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-xs text-slate-600">Teams of {name}</legend>
          {teams.map((t) => (
            <div key={t.id} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex items-center gap-1">
                <input type="checkbox" name="teamIds" value={t.id} defaultChecked={form.checkedOf("teamIds", member.has(t.id), t.id)} /> {t.name}
              </label>
              <label className="flex items-center gap-1 text-xs text-slate-600">
                <input type="checkbox" name="leadTeamIds" value={t.id} defaultChecked={form.checkedOf("leadTeamIds", member.get(t.id) === true, t.id)} /> lead<span className="sr-only"> of {t.name}</span>
              </label>
            </div>
          ))}
          <button type="submit" disabled={form.isPending} className="text-sm text-brand-700 underline">
            Save teams
          </button>
          <FormAlert form={form} inline />
        </fieldset>
      </details>
    </form>
  );
}

/** Removes a member after asking: they lose their role and teams here (nothing elsewhere). */
export function RemoveMemberButton({ slug, userId, name }: { slug: string; userId: string; name: string }) {
  return (
    <ConfirmAction
      action={removeMemberAction.bind(null, slug)}
      fields={{ userId }}
      label="Remove"
      ariaLabel={`Remove ${name} from the programme`}
      title={`Remove ${name} from this programme?`}
      description={<p>{name} loses their role and team places here at once. Their account and their roles in other programmes stay; you can add them again later.</p>}
      confirmLabel="Remove"
      pendingLabel="Removing…"
    />
  );
}
