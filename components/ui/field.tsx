import type { InputHTMLAttributes } from "react";

/** A labelled input with its error announced to screen readers and tied by aria-describedby. */
export function Field({ label, name, errors, hint, id: givenId, ...input }: { label: string; name: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  // Pass an id when one page shows the same field twice.
  const id = givenId ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-rose-600"
        {...input}
      />
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-xs text-rose-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  return (
    <p role="status" aria-live="polite" className={message ? "rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800" : "sr-only"}>
      {message}
    </p>
  );
}

export const buttonClass = "inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButtonClass = "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";
