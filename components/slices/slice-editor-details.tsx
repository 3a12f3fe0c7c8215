"use client";

import { liftSlicePinAction, recordRehearsalAction, renameSliceAction, updateRollbackPlanAction } from "@/lib/slices/editor-actions";
import { Field, secondaryButtonClass, TextareaField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/*
 * The slice editor's own fields (the slice page shows them to whoever may change them): its
 * name, its rollback plan and rehearsals, and a manager's pin. Each form carries the slice's
 * version, so an edit made on an outdated page is refused rather than overwriting.
 */

type Base = { slug: string; sliceId: string; version: number };

export function RenameSliceForm({ slug, sliceId, version, name }: Base & { name: string }) {
  const form = useActionForm(renameSliceAction.bind(null, slug));
  return (
    <form {...form.props} aria-label="Rename the slice" className="space-y-2">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormAlert form={form} success="Renamed." />
      <div className="flex flex-wrap items-end gap-2">
        <Field id="slice-name" className="min-w-40 flex-1" label="Name" name="name" required maxLength={120} errors={form.errorsOf("name")} defaultValue={form.valueOf("name", name)} />
        <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
          Rename
        </button>
      </div>
    </form>
  );
}

export function RollbackPlanForm({ slug, sliceId, version, plan }: Base & { plan: string | null }) {
  const form = useActionForm(updateRollbackPlanAction.bind(null, slug));
  return (
    <form {...form.props} aria-label="Rollback plan" className="space-y-2">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormAlert form={form} success="Plan saved." />
      <TextareaField
        id="rollback-plan"
        label="Rollback plan"
        hint="How traffic goes back to the old path, who does it, and what tells you to."
        name="rollbackPlan"
        rows={4}
        maxLength={5000}
        errors={form.errorsOf("rollbackPlan")}
        defaultValue={form.valueOf("rollbackPlan", plan)}
      />
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Save the plan
      </button>
    </form>
  );
}

export function RehearsalForm({ slug, sliceId, version, hasPlan }: Base & { hasPlan: boolean }) {
  const form = useActionForm(recordRehearsalAction.bind(null, slug));
  if (!hasPlan) return <p className="text-sm text-slate-700">Write the rollback plan first; then record each rehearsal of it here.</p>;
  return (
    <form {...form.props} aria-label="Record a rehearsal" className="space-y-2">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormAlert form={form} success="Rehearsal recorded." />
      <div className="grid gap-2 sm:grid-cols-[12rem_1fr]">
        <Field id="rehearsed-on" label="Rehearsed on" hint="Empty: today" name="rehearsedOn" type="date" errors={form.errorsOf("rehearsedOn")} defaultValue={form.valueOf("rehearsedOn", "")} />
        <Field id="rehearsal-notes" label="Notes" hint="What it took, what was learnt" name="notes" maxLength={1000} errors={form.errorsOf("notes")} defaultValue={form.valueOf("notes", "")} />
      </div>
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Record a rehearsal
      </button>
    </form>
  );
}

export function LiftPinForm({ slug, sliceId, version, pinnedWave }: Base & { pinnedWave: number }) {
  const form = useActionForm(liftSlicePinAction.bind(null, slug));
  return (
    <form {...form.props} aria-label="Lift the pin" className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Lift the pin to wave {pinnedWave}
      </button>
      <FormAlert form={form} inline />
    </form>
  );
}
