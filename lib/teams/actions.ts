"use server";
/** Server-action adapters of the team editor (the page binds the programme slug). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { createTeam } from "./mutations/create-team";
import { setTeamPeople } from "./mutations/set-team-people";
import { updateTeam } from "./mutations/update-team";
import { createTeamSchema, setTeamPeopleSchema, updateTeamSchema } from "./schemas";

const programmePath = (programmeSlug: string) => `/p/${encodeURIComponent(programmeSlug)}`;
// Team names show wherever services and slices do.
const revalidateProgramme = (programmeSlug: string) => revalidatePath(programmePath(programmeSlug), "layout");

/** Creates a team, then opens its page to add its people. */
export async function createTeamAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  const result = await defineAction(createTeamSchema, (actor, input) => createTeam(actor, programmeSlug, input))(form);
  if (!result.ok) return result;
  revalidateProgramme(programmeSlug);
  redirect(`${programmePath(programmeSlug)}/teams/${encodeURIComponent(result.data.id)}`);
}

export async function updateTeamAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  const result = await defineAction(updateTeamSchema, (actor, input) => updateTeam(actor, programmeSlug, input))(form);
  if (result.ok) revalidateProgramme(programmeSlug);
  return result;
}

export async function setTeamPeopleAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<void>> {
  const result = await defineAction(setTeamPeopleSchema, (actor, input) => setTeamPeople(actor, programmeSlug, input))(form);
  if (result.ok) revalidateProgramme(programmeSlug);
  return result;
}
