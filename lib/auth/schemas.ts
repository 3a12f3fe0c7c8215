import { z } from "zod";
import { textSchema } from "@/lib/validation/text";

export const emailSchema = textSchema().trim().toLowerCase().pipe(z.email({ message: "enter an email address" }));

// Passwords stay plain z.string(): only their hash is stored, and any character a password
// manager produces is allowed. `next` is only read by safeNextPath, never stored.
export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "enter your password").max(128),
  next: z.string().optional(),
});

export const setupSchema = z.strictObject({
  code: z.string().trim().min(1, "enter the setup code from the server log").max(200),
  name: textSchema().trim().min(1, "enter your name").max(100),
  email: emailSchema,
  password: z.string().min(10, "use at least 10 characters").max(128),
});
export type SetupInput = z.infer<typeof setupSchema>;

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNextPath(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) && !next.includes("\\") ? next : "/";
}

export const roleSchema = z.enum(["manager", "lead", "viewer"]);

/** API.md `POST /users`: a member of the programme named by `?programme=`. */
export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: textSchema().trim().min(1, "enter a name").max(100),
  role: roleSchema,
  teams: z.array(textSchema().trim().min(1)).max(50).optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** API.md `POST /tokens`: a token for the user with this email (yourself, or as a manager). */
export const createTokenSchema = z.strictObject({
  email: emailSchema,
  name: textSchema().trim().min(1, "name the token after what uses it").max(80),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** A programme page's token form: for the signed-in person, or for one of the programme's service accounts. */
export const createProgrammeTokenSchema = z.strictObject({ name: createTokenSchema.shape.name, forUserId: textSchema().optional() });
export type CreateProgrammeTokenInput = z.infer<typeof createProgrammeTokenSchema>;

export const revokeTokenSchema = z.strictObject({ tokenId: textSchema().min(1) });
export type RevokeTokenInput = z.infer<typeof revokeTokenSchema>;

/** The people page's add form: createUser's fields, the service-account box as a boolean. */
export const addMemberSchema = createUserSchema
  .pick({ email: true, name: true, role: true })
  .extend({ serviceAccount: z.literal("on").optional() })
  .transform(({ serviceAccount, ...member }) => ({ ...member, isServiceAccount: serviceAccount === "on" }));
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const setMemberRoleSchema = z.strictObject({ userId: textSchema().min(1), role: roleSchema });
export type SetMemberRoleInput = z.infer<typeof setMemberRoleSchema>;

export const removeMemberSchema = z.strictObject({ userId: textSchema().min(1) });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

// A form sends a checkbox group as nothing, one value or several.
const formList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(textSchema().min(1)));

/** The teams a member belongs to, and which of them they lead. */
export const setMemberTeamsSchema = z.strictObject({ userId: textSchema().min(1), teamIds: formList, leadTeamIds: formList });
export type SetMemberTeamsInput = z.infer<typeof setMemberTeamsSchema>;

/** A manager's "give a sign-in link" (an invitation, or a password reset for someone who has one). */
export const issueSignInLinkSchema = z.strictObject({ userId: textSchema().min(1) });
export type IssueSignInLinkInput = z.infer<typeof issueSignInLinkSchema>;

export const revokeSignInLinkSchema = z.strictObject({ linkId: textSchema().min(1) });
export type RevokeSignInLinkInput = z.infer<typeof revokeSignInLinkSchema>;

/**
 * The link's page: the token names the person, so nothing in the form can name another one.
 * The second password is named like a password so a failed form never sends it back.
 */
export const acceptSignInLinkSchema = z
  .strictObject({
    token: z.string().trim().min(1, "the link is incomplete").max(200),
    password: z.string().min(10, "use at least 10 characters").max(128, "use at most 128 characters"),
    passwordAgain: z.string().max(128),
  })
  .refine((f) => f.password === f.passwordAgain, { path: ["passwordAgain"], message: "the two passwords differ" });
export type AcceptSignInLinkInput = z.infer<typeof acceptSignInLinkSchema>;
