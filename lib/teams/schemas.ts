/** Zod schemas of the teams domain: the team editor's inputs (create, edit, leads and members). */
import { z } from "zod";
import { textSchema } from "@/lib/validation/text";

const id = textSchema().trim().min(1).max(64);
const teamName = textSchema().trim().min(1, "Give the team a name.").max(100, "Keep the name under 100 characters.");
/** A channel as people write it: "#payments", a mailing list, a URL. Empty clears it. */
const contactChannel = textSchema().trim().max(200, "Keep the contact channel under 200 characters.").optional();
// A form sends a checkbox group as nothing, one value or several.
const idList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(500));

export const createTeamSchema = z.strictObject({ name: teamName, contactChannel });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

/** The editor's details form: a name left out stays as it is; the contact channel is always sent (empty: none). */
export const updateTeamSchema = z.strictObject({ teamId: id, name: teamName.optional(), contactChannel });
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

/** Who leads the team and who else is in it; someone in both lists leads. */
export const setTeamPeopleSchema = z.strictObject({ teamId: id, leadIds: idList, memberIds: idList });
export type SetTeamPeopleInput = z.infer<typeof setTeamPeopleSchema>;
