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

export const revokeTokenSchema = z.strictObject({ tokenId: textSchema().min(1) });

export const setRoleSchema = z.strictObject({ userId: textSchema().min(1), role: roleSchema });
export const removeMemberSchema = z.strictObject({ userId: textSchema().min(1) });
export const setTeamsSchema = z.strictObject({
  userId: textSchema().min(1),
  teamIds: z.array(textSchema().min(1)).max(100).default([]),
  leadTeamIds: z.array(textSchema().min(1)).max(100).default([]),
});
