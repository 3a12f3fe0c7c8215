"use client";

import { useActionState } from "react";
import { setupAction } from "@/lib/auth/actions";
import { buttonClass, Field, FormError } from "@/components/ui/field";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" aria-label="Create the administrator">
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <Field
        label="Setup code"
        name="code"
        autoComplete="off"
        required
        hint="Printed in Ferry's server log at start (the line starting “Setup code”), or the FERRY_SETUP_CODE you configured."
        errors={errors.code}
      />
      <Field label="Your name" name="name" autoComplete="name" required errors={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="username" required errors={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" minLength={10} required hint="At least 10 characters." errors={errors.password} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? "Creating…" : "Create administrator and sign in"}
      </button>
    </form>
  );
}
