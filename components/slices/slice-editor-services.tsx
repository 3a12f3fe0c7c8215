"use client";

import { Link } from "@/components/ui/link";
import { changeSliceServicesAction } from "@/lib/slices/editor-actions";
import { mergeSlicesAction, splitSliceAction } from "@/lib/waves/actions";
import { Field, secondaryButtonClass } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { CheckboxPicker, pickerOption, ServicePicker, type PickableService } from "./slice-editor-picker";

/*
 * A manager's reshaping of a slice: services in and out, splitting some off into a new slice,
 * merging other slices into this one. All three only work on slices that have not started
 * (the server refuses otherwise, saying which); the page offers them to managers only.
 */

type SliceService = { id: string; name: string };

export function SliceServicesForm({ slug, sliceId, version, services, unsliced }: { slug: string; sliceId: string; version: number; services: SliceService[]; unsliced: PickableService[] }) {
  const form = useActionForm(changeSliceServicesAction.bind(null, slug));
  return (
    <form {...form.props} aria-label="Change the services" className="space-y-3">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormAlert form={form} success="Services changed." />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Take out of the slice</legend>
        <ul className="space-y-1 text-sm">
          {services.map((s) => (
            <li key={s.id}>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="removeServiceIds" value={s.id} defaultChecked={form.checkedOf("removeServiceIds", false, s.id)} className="h-4 w-4" /> {s.name}
              </label>
            </li>
          ))}
        </ul>
        {form.errorsOf("removeServiceIds") ? <p className="mt-1 text-xs font-medium text-rose-700">{form.errorsOf("removeServiceIds")!.join(" ")}</p> : null}
      </fieldset>
      <ServicePicker name="addServiceIds" legend="Add services that are in no slice" services={unsliced} checked={(id) => form.checkedOf("addServiceIds", false, id)} errors={form.errorsOf("addServiceIds")} />
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Save the services
      </button>
    </form>
  );
}

export function SplitSliceForm({ slug, sliceId, name, services }: { slug: string; sliceId: string; name: string; services: SliceService[] }) {
  const form = useActionForm(splitSliceAction.bind(null, slug));
  const made = form.state?.ok ? form.state.data : null;
  // After a split the page shows the slice with fewer services: the new slice's link stays.
  if (services.length < 2) {
    return made ? (
      <p role="status" className="text-sm text-emerald-800">
        Split off{" "}
        <Link href={`/p/${slug}/slices/${made.sliceId}`} className="text-brand-700 underline">
          {made.name}
        </Link>
        . A slice with one service cannot be split further.
      </p>
    ) : (
      <p className="text-sm text-slate-700">A slice with one service cannot be split.</p>
    );
  }
  return (
    <form {...form.props} aria-label="Split the slice" className="space-y-3">
      <input type="hidden" name="sliceId" value={sliceId} />
      <FormAlert
        form={form}
        success={
          made ? (
            <>
              Split off{" "}
              <Link href={`/p/${slug}/slices/${made.sliceId}`} className="text-brand-700 underline">
                {made.name}
              </Link>
              .
            </>
          ) : null
        }
      />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Services that move to the new slice</legend>
        <ul className="space-y-1 text-sm">
          {services.map((s) => (
            <li key={s.id}>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="serviceIds" value={s.id} defaultChecked={form.checkedOf("serviceIds", false, s.id)} className="h-4 w-4" aria-invalid={form.errorsOf("serviceIds") ? true : undefined} /> {s.name}
              </label>
            </li>
          ))}
        </ul>
        {form.errorsOf("serviceIds") ? <p className="mt-1 text-xs font-medium text-rose-700">{form.errorsOf("serviceIds")!.join(" ")}</p> : null}
      </fieldset>
      <Field id="split-name" label="Name of the new slice" name="name" required maxLength={120} errors={form.errorsOf("name")} defaultValue={form.valueOf("name", `${name} (part 2)`)} />
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Split off
      </button>
    </form>
  );
}

type Mergeable = { id: string; name: string; team: { name: string }; wave: { number: number } | null };

export function MergeSlicesForm({ slug, sliceId, name, candidates }: { slug: string; sliceId: string; name: string; candidates: Mergeable[] }) {
  const form = useActionForm(mergeSlicesAction.bind(null, slug));
  if (candidates.length === 0) return <p className="text-sm text-slate-700">No other slice that has not started to merge with.</p>;
  return (
    <form {...form.props} aria-label="Merge slices into this one" className="space-y-3">
      {/* This slice first: the merge keeps the first one listed. */}
      <input type="hidden" name="sliceIds" value={sliceId} />
      <FormAlert form={form} success="Merged." />
      <CheckboxPicker
        name="sliceIds"
        legend={`Slices to merge into ${name}`}
        options={candidates.map((c) => pickerOption(c.id, c.name, [c.team.name, c.wave ? `wave ${c.wave.number}` : "no wave"], c.team.name))}
        checked={(id) => form.checkedOf("sliceIds", false, id)}
        errors={form.errorsOf("sliceIds")}
      />
      <Field id="merge-name" label="Name after the merge" hint="Empty: keeps this slice's name" name="name" maxLength={120} errors={form.errorsOf("name")} defaultValue={form.valueOf("name", "")} />
      <button type="submit" className={secondaryButtonClass} disabled={form.isPending}>
        Merge into {name}
      </button>
    </form>
  );
}
