import { APPLIES_TO, CHECKLIST_CATEGORIES } from "@/lib/checklists/default-template";
import { appliesToLabel, categoryLabel } from "@/lib/checklists/labels";
import { STAGES, stageLabel, type Stage } from "@/lib/slices/stages";

export type TemplateItemValues = { title: string; guidance: string | null; category: string; appliesTo: string; gateStage: Stage | null };

const control = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** The editable fields of a template item, shared by the add and edit forms. */
export function TemplateItemFields({ idPrefix, values }: { idPrefix: string; values?: TemplateItemValues }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <label className="text-sm md:col-span-2" htmlFor={`${idPrefix}-title`}>
        <span className="font-medium text-slate-800">Title</span>
        <input id={`${idPrefix}-title`} name="title" required maxLength={200} defaultValue={values?.title} className={control} />
      </label>
      <label className="text-sm md:col-span-2" htmlFor={`${idPrefix}-guidance`}>
        <span className="font-medium text-slate-800">Guidance</span>
        <textarea id={`${idPrefix}-guidance`} name="guidance" rows={2} maxLength={2000} defaultValue={values?.guidance ?? ""} className={control} />
      </label>
      <label className="text-sm" htmlFor={`${idPrefix}-category`}>
        <span className="font-medium text-slate-800">Category</span>
        <select id={`${idPrefix}-category`} name="category" defaultValue={values?.category ?? "migrated"} className={control}>
          {CHECKLIST_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm" htmlFor={`${idPrefix}-applies`}>
        <span className="font-medium text-slate-800">Applies to</span>
        <select id={`${idPrefix}-applies`} name="appliesTo" defaultValue={values?.appliesTo ?? "all"} className={control}>
          {APPLIES_TO.map((a) => (
            <option key={a} value={a}>
              {appliesToLabel[a]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm" htmlFor={`${idPrefix}-gate`}>
        <span className="font-medium text-slate-800">Gates stage</span>
        <select id={`${idPrefix}-gate`} name="gateStage" defaultValue={values?.gateStage ?? "none"} className={control}>
          <option value="none">No stage (e.g. retirement)</option>
          {STAGES.filter((s) => s !== "0").map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
