"use client";

import { createProgrammeAction } from "@/lib/programmes/actions";
import { buttonClass, Field } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

export function CreateProgrammeForm() {
  const form = useActionForm(createProgrammeAction);
  return (
    <form {...form.props} className="grid grid-cols-1 gap-3 md:grid-cols-3 md:items-start" aria-label="Create a programme">
      <FormAlert form={form} className="md:col-span-3" />
      <Field label="Name" name="name" required errors={form.errorsOf("name")} defaultValue={form.valueOf("name", "")} />
      <Field label="Target date" name="targetDate" type="date" errors={form.errorsOf("targetDate")} defaultValue={form.valueOf("targetDate", "")} />
      <button type="submit" className={`${buttonClass} md:mt-6`} disabled={form.isPending}>
        Create programme
      </button>
    </form>
  );
}
