"use client";

import { acceptSignInLinkAction } from "@/lib/auth/sign-in-link-actions";
import { buttonClass, Field } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/** The link's form: a password typed twice. The token names the person; the email is shown for password managers only. */
export function AcceptSignInLinkForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const form = useActionForm(acceptSignInLinkAction);
  return (
    <form {...form.props} className="space-y-4" aria-label="Choose your password">
      <FormAlert form={form} />
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account; not submitted. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <Field label="New password" name="password" type="password" autoComplete="new-password" minLength={10} required hint="At least 10 characters." errors={form.errorsOf("password")} />
      <Field label="The same password again" name="passwordAgain" type="password" autoComplete="new-password" required errors={form.errorsOf("passwordAgain")} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={form.isPending}>
        {form.isPending ? "Setting your password…" : submitLabel}
      </button>
    </form>
  );
}
