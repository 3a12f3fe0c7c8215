"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, formField } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getProgrammeAccessOrThrow } from "./access";
import { createUser, removeMember, setMemberRole, setMemberTeams } from "./people-mutations";
import { textSchema } from "@/lib/validation/text";
import { createTokenSchema, createUserSchema, removeMemberSchema, revokeTokenSchema, setRoleSchema } from "./schemas";
import { createApiToken, revokeApiToken } from "./token-mutations";

// The forms' inputs are the REST bodies' schemas plus the programme (and what only a form has).
const programme = textSchema().min(1);

const createToken = defineAction(z.strictObject({ programme, name: createTokenSchema.shape.name, forUserId: textSchema().optional() }), async (actor, input) => {
  const userId = input.forUserId ?? actor.userId;
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
  if (!user) throw notFound("User");
  const { id: programmeId } = await getProgrammeAccessOrThrow(actor, input.programme);
  return createApiToken(actor, { email: user.email, name: input.name }, { programmeId });
});

/** Creates a token and returns it once for the page to show. */
export async function createTokenAction(_prev: unknown, form: FormData) {
  const result = await createToken(form);
  if (result.ok) revalidatePath(`/p/${formField(form, "programme")}/settings/tokens`);
  return result;
}

// The token's own programmes get the event; the page's programme must still be visible.
const revoke = defineAction(revokeTokenSchema.extend({ programme }), async (actor, input) => {
  await getProgrammeAccessOrThrow(actor, input.programme);
  return revokeApiToken(actor, { tokenId: input.tokenId });
});
export async function revokeTokenAction(_prev: unknown, form: FormData) {
  const result = await revoke(form);
  if (result.ok) revalidatePath(`/p/${formField(form, "programme")}/settings/tokens`);
  return result;
}

const addMember = defineAction(
  createUserSchema.pick({ email: true, name: true, role: true }).extend({ programme, serviceAccount: z.literal("on").optional() }),
  (actor, { programme: slug, serviceAccount, ...rest }) => createUser(actor, slug, { ...rest, isServiceAccount: serviceAccount === "on" }),
);
export async function addMemberAction(_prev: unknown, form: FormData) {
  const result = await addMember(form);
  if (result.ok) revalidatePath(`/p/${formField(form, "programme")}/settings/people`);
  return result;
}

const setRole = defineAction(setRoleSchema.extend({ programme }), (actor, { programme: slug, ...input }) => setMemberRole(actor, slug, input));
export async function setRoleAction(_prev: unknown, form: FormData) {
  const result = await setRole(form);
  if (result.ok) revalidatePath(`/p/${formField(form, "programme")}/settings/people`);
  return result;
}

const remove = defineAction(removeMemberSchema.extend({ programme }), (actor, { programme: slug, ...input }) => removeMember(actor, slug, input));
export async function removeMemberAction(_prev: unknown, form: FormData) {
  const result = await remove(form);
  if (result.ok) revalidatePath(`/p/${formField(form, "programme")}/settings/people`);
  return result;
}

const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(textSchema().min(1)));
const setTeams = defineAction(z.strictObject({ programme, userId: textSchema().min(1), teamIds: list, leadTeamIds: list }), (actor, { programme: slug, ...input }) =>
  setMemberTeams(actor, slug, input),
);
export async function setTeamsAction(_prev: unknown, form: FormData) {
  const result = await setTeams(form);
  if (result.ok) revalidatePath(`/p/${formField(form, "programme")}/settings/people`);
  return result;
}
