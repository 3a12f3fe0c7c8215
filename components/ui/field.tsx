import type { ComponentProps, ReactNode } from "react";

/*
 * Labelled form controls. Each ties its hint and its error to the control (aria-describedby),
 * marks itself invalid, and shows the error right under it. Errors are not live regions of their
 * own: the form's alert (components/ui/form.tsx) announces the failure once, with the count,
 * and focus moves to the first invalid control, which is then read with its error.
 */

export const controlClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-rose-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-rose-600";

type Common = {
  label: ReactNode;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  id?: string;
  /** The wrapper's classes (a grid span). */
  className?: string;
  /** Classes added to the control's own (a monospace text box). */
  controlClassName?: string;
};

function described(id: string, hint: ReactNode, errors?: string[]) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? (true as const) : undefined, "aria-describedby": ids || undefined };
}

function Shell({ id, label, hint, errors, className, children }: { id: string; label: ReactNode; hint?: ReactNode; errors?: string[]; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input. Pass an id when one page shows the same field twice. */
export function Field({ label, name, errors, hint, id: givenId, className, controlClassName = "", ...input }: Common & Omit<ComponentProps<"input">, "name" | "className">) {
  const id = givenId ?? `field-${name}`;
  return (
    <Shell id={id} label={label} hint={hint} errors={errors} className={className}>
      <input id={id} name={name} {...described(id, hint, errors)} className={`${controlClass} ${controlClassName}`} {...input} />
    </Shell>
  );
}

/** A labelled multi-line text field. */
export function TextareaField({ label, name, errors, hint, id: givenId, className, controlClassName = "", ...input }: Common & Omit<ComponentProps<"textarea">, "name" | "className">) {
  const id = givenId ?? `field-${name}`;
  return (
    <Shell id={id} label={label} hint={hint} errors={errors} className={className}>
      <textarea id={id} name={name} {...described(id, hint, errors)} className={`${controlClass} ${controlClassName}`} {...input} />
    </Shell>
  );
}

/**
 * A labelled native select (ADR 23); `choices` as [value, label] pairs, or options as children.
 * Keyed on its default: React does not carry a changed `defaultValue` into the options, so the
 * reset after a form's action would bring back the first default (a saved status, a submitted
 * choice); a new default mounts a new select.
 */
export function SelectField({ label, name, errors, hint, id: givenId, className, controlClassName = "", choices, children, ...select }: Common & { choices?: readonly (readonly [string, string])[] } & Omit<ComponentProps<"select">, "name" | "className">) {
  const id = givenId ?? `field-${name}`;
  return (
    <Shell id={id} label={label} hint={hint} errors={errors} className={className}>
      <select key={String(select.defaultValue ?? "")} id={id} name={name} {...described(id, hint, errors)} className={`${controlClass} ${controlClassName}`} {...select}>
        {children}
        {choices?.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A labelled checkbox, its label beside it. */
export function CheckboxField({ label, name, errors, hint, id: givenId, className, controlClassName = "", ...input }: Common & Omit<ComponentProps<"input">, "name" | "className" | "type">) {
  const id = givenId ?? `field-${name}${input.value !== undefined ? `-${String(input.value)}` : ""}`;
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" name={name} {...described(id, hint, errors)} className={`h-4 w-4 ${controlClassName}`} {...input} />
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="ml-6 mt-1 text-xs font-medium text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level message outside the action form pattern (a dialog, a page); announced politely. */
export function FormError({ message }: { message?: string }) {
  return (
    <p role="status" aria-live="polite" className={message ? "rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800" : "sr-only"}>
      {message}
    </p>
  );
}

export const buttonClass = "inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButtonClass = "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";
export const dangerButtonClass = "inline-flex items-center justify-center rounded-md border border-rose-700 bg-white px-4 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50 disabled:opacity-60";
