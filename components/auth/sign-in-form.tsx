"use client";

import { signInAction } from "@/lib/auth/actions";
import { buttonClass, Field } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/** Email and password; a refusal keeps the email typed and asks only for the password again. */
export function SignInForm({ next }: { next?: string }) {
  const form = useActionForm(signInAction);
  return (
    <form {...form.props} className="space-y-4" aria-label="Sign in with email and password">
      <FormAlert form={form} />
      <Field label="Email" name="email" type="email" autoComplete="username" required errors={form.errorsOf("email")} defaultValue={form.valueOf("email", "")} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={form.errorsOf("password")} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={form.isPending}>
        {form.isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
