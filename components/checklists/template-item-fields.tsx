"use client";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { useEnclosingActionForm } from "@/components/ui/form";
import { APPLIES_TO, CHECKLIST_CATEGORIES } from "@/lib/checklists/default-template";
import { appliesToLabel, categoryLabel } from "@/lib/checklists/labels";
import { STAGES, stageLabel, type Stage } from "@/lib/slices/stages";

export type TemplateItemValues = { title: string; guidance: string | null; category: string; appliesTo: string; gateStage: Stage | null };

/** The editable fields of a template item, shared by the add and edit forms (inside an ActionForm). */
export function TemplateItemFields({ idPrefix, values }: { idPrefix: string; values?: TemplateItemValues }) {
  const form = useEnclosingActionForm();
  const field = (name: keyof TemplateItemValues, initial: string | null | undefined) => ({
    id: `${idPrefix}-${name}`,
    name,
    errors: form?.errorsOf(name),
    defaultValue: form ? form.valueOf(name, initial) : (initial ?? ""),
  });
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <Field label="Title" {...field("title", values?.title)} required maxLength={200} className="md:col-span-2" />
      <TextareaField label="Guidance" {...field("guidance", values?.guidance)} rows={2} maxLength={2000} className="md:col-span-2" />
      <SelectField label="Category" {...field("category", values?.category ?? "migrated")} choices={CHECKLIST_CATEGORIES.map((c) => [c, categoryLabel[c]] as const)} />
      <SelectField label="Applies to" {...field("appliesTo", values?.appliesTo ?? "all")} choices={APPLIES_TO.map((a) => [a, appliesToLabel[a]] as const)} />
      <SelectField
        label="Gates stage"
        {...field("gateStage", values?.gateStage ?? "none")}
        choices={[["none", "No stage (e.g. retirement)"], ...STAGES.filter((s) => s !== "0").map((s) => [s, stageLabel(s)] as const)]}
      />
    </div>
  );
}
