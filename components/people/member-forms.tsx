"use client";

import { useActionState } from "react";
import { addMemberAction, removeMemberAction, setRoleAction, setTeamsAction } from "@/lib/auth/actions";
import { buttonClass, Field, FormError } from "@/components/ui/field";

const ROLES = ["manager", "lead", "viewer"] as const;
const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

export function AddMemberForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(addMemberAction.bind(null, slug), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="grid grid-cols-1 gap-3 md:grid-cols-5 md:items-start" aria-label="Add a member">
      <div className="md:col-span-5">
        <FormError message={state && !state.ok ? state.formError : undefined} />
        {state?.ok ? <p role="status" className="text-sm text-emerald-800">Added.</p> : null}
      </div>
      <Field label="Email" name="email" type="email" required errors={errors.email} id="member-email" />
      <Field label="Name" name="name" required errors={errors.name} id="member-name" />
      <label className="text-sm font-medium text-slate-800">
        Role
        <select name="role" defaultValue="viewer" className={`mt-1 block w-full ${select}`}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className="mt-7 flex items-center gap-2 text-sm">
        <input type="checkbox" name="serviceAccount" /> Service account
      </label>
      <button type="submit" className={`${buttonClass} mt-6`} disabled={pending}>
        Add member
      </button>
    </form>
  );
}

export function RoleForm({ slug, userId, role, name }: { slug: string; userId: string; role: string; name: string }) {
  const [state, action, pending] = useActionState(setRoleAction.bind(null, slug), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role of ${name}`} className={select}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="text-sm text-brand-700 underline">
        Save
      </button>
      {state && !state.ok ? <span role="status" className="text-xs text-rose-700">{state.formError}</span> : null}
    </form>
  );
}

export function TeamsForm({ slug, userId, name, teams, memberOf }: { slug: string; userId: string; name: string; teams: { id: string; name: string }[]; memberOf: { teamId: string; isLead: boolean }[] }) {
  const [state, action, pending] = useActionState(setTeamsAction.bind(null, slug), null);
  const member = new Map(memberOf.map((m) => [m.teamId, m.isLead]));
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <details>
        <summary className="cursor-pointer text-sm">
          {memberOf.length === 0 ? "No team" : teams.filter((t) => member.has(t.id)).map((t) => `${t.name}${member.get(t.id) ? " (lead)" : ""}`).join(", ")}
        </summary>
        <fieldset className="mt-2 space-y-1 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-xs text-slate-600">Teams of {name}</legend>
          {teams.map((t) => (
            <div key={t.id} className="flex items-center gap-3 text-sm">
              <label className="flex items-center gap-1">
                <input type="checkbox" name="teamIds" value={t.id} defaultChecked={member.has(t.id)} /> {t.name}
              </label>
              <label className="flex items-center gap-1 text-xs text-slate-600">
                <input type="checkbox" name="leadTeamIds" value={t.id} defaultChecked={member.get(t.id) === true} /> lead
              </label>
            </div>
          ))}
          <button type="submit" disabled={pending} className="text-sm text-brand-700 underline">
            Save teams
          </button>
          {state && !state.ok ? <p role="status" className="text-xs text-rose-700">{state.formError}</p> : null}
        </fieldset>
      </details>
    </form>
  );
}

export function RemoveMemberButton({ slug, userId, name }: { slug: string; userId: string; name: string }) {
  const [state, action, pending] = useActionState(removeMemberAction.bind(null, slug), null);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className="text-sm text-rose-700 underline" aria-label={`Remove ${name} from the programme`}>
        Remove
      </button>
      {state && !state.ok ? <span role="status" className="ml-1 text-xs text-rose-700">{state.formError}</span> : null}
    </form>
  );
}
