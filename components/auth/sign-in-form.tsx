"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { buttonClass, Field, FormError } from "@/components/ui/field";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" aria-label="Sign in with email and password">
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <Field label="Email" name="email" type="email" autoComplete="username" required errors={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
