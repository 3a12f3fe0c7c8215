import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "enter an email address" }));

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "enter your password").max(128),
  next: z.string().optional(),
});

export const setupSchema = z.strictObject({
  name: z.string().trim().min(1, "enter your name").max(100),
  email: emailSchema,
  password: z.string().min(10, "use at least 10 characters").max(128),
});

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNextPath(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) && !next.includes("\\") ? next : "/";
}
