"use client";

import { useActionState } from "react";
import { createProgrammeAction } from "@/lib/programmes/actions";
import { buttonClass, Field, FormError } from "@/components/ui/field";

export function CreateProgrammeForm() {
  const [state, action, pending] = useActionState(createProgrammeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="grid grid-cols-1 gap-3 md:grid-cols-3 md:items-start" aria-label="Create a programme">
      <div className="md:col-span-3">
        <FormError message={state && !state.ok ? state.formError : undefined} />
      </div>
      <Field label="Name" name="name" required errors={errors.name} />
      <Field label="Target date" name="targetDate" type="date" errors={errors.targetDate} />
      <button type="submit" className={`${buttonClass} md:mt-6`} disabled={pending}>
        Create programme
      </button>
    </form>
  );
}
