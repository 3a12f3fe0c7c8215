"use client";

import { setupAction } from "@/lib/auth/actions";
import { buttonClass, Field } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

export function SetupForm() {
  const form = useActionForm(setupAction);
  const field = (name: string) => ({ name, errors: form.errorsOf(name), defaultValue: form.valueOf(name, "") });
  return (
    <form {...form.props} className="space-y-4" aria-label="Create the administrator">
      <FormAlert form={form} />
      <Field
        label="Setup code"
        {...field("code")}
        autoComplete="off"
        required
        hint="Printed in Ferry's server log at start (the line starting “Setup code”), or the FERRY_SETUP_CODE you configured."
      />
      <Field label="Your name" {...field("name")} autoComplete="name" required />
      <Field label="Email" {...field("email")} type="email" autoComplete="username" required />
      <Field label="Password" name="password" errors={form.errorsOf("password")} type="password" autoComplete="new-password" minLength={10} required hint="At least 10 characters." />
      <button type="submit" className={`${buttonClass} w-full`} disabled={form.isPending}>
        {form.isPending ? "Creating…" : "Create administrator and sign in"}
      </button>
    </form>
  );
}
