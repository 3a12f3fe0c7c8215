"use client";

import { createContext, use, useActionState, useLayoutEffect, useState, type ReactNode } from "react";
import type { ActionFailure, ActionResult, SubmittedValues } from "@/lib/actions/result";

/** A server action as a form calls it, with the programme slug already bound. */
export type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type ActionForm<T> = {
  state: ActionResult<T> | null;
  /** The last result when it failed. */
  failure: ActionFailure | null;
  isPending: boolean;
  /**
   * Spread on the <form>. The browser's own validation is off: the server's messages, under
   * each field, are the one way errors show (`required` still tells assistive technology).
   */
  props: { ref: (form: HTMLFormElement | null) => void; action: (form: FormData) => void; noValidate: true };
  /** Field errors whose field is not in the form: the alert lists them. */
  unplaced: string[];
  errorsOf: (name: string) => string[] | undefined;
  /** What to show in a text field: what was submitted when the last submit failed, else `initial`. */
  valueOf: (name: string, initial: string | number | null | undefined) => string;
  /** Whether a checkbox (with `value`, one of a group) is ticked: as submitted after a failure, else `initial`. */
  checkedOf: (name: string, initial: boolean, value?: string) => boolean;
};

/**
 * The form a field sits in, for fields a server page renders inside a generic form component
 * (components/checklists/action-form.tsx): they read their error and submitted value here.
 */
export const ActionFormContext = createContext<ActionForm<unknown> | null>(null);

/** The enclosing action form's state, or null outside one. */
export const useEnclosingActionForm = () => use(ActionFormContext);

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The one way a form talks to its server action (ADR 31). React resets a form once its action
 * has run, which would wipe what was typed when the save fails; so the action returns what was
 * submitted, the fields render it (`valueOf`, `checkedOf`, which also serves a page rendered
 * without script), and after React's reset this puts it back into every control (selects too,
 * whose default React does not update). Then focus moves to the first field marked invalid,
 * or to the form's alert when no field is, and the alert announces how many fields need
 * attention.
 */
export function useActionForm<T>(action: FormAction<T>): ActionForm<T> {
  const [state, formAction, isPending] = useActionState(action, null);
  // The form element, held as state (a callback ref) so the effect below runs once it exists.
  const [element, ref] = useState<HTMLFormElement | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  // The state the page was rendered with (a post without script): already shown, not restored.
  const [rendered] = useState(state);
  const failure = state && !state.ok ? state : null;

  // React's reset runs in the commit that brings the new state, before layout effects.
  useLayoutEffect(() => {
    const form = element;
    if (!form || state === rendered) return;
    if (failure?.values) restoreValues(form, failure.values);
    // Which errors have no field to show them is known only from the rendered form: a measurement.
    const named = new Set(Array.from(form.elements, (el) => (el as HTMLInputElement).name).filter(Boolean));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read from the DOM after layout, like a measurement
    setUnplaced(failure ? Object.entries(failure.fieldErrors).filter(([name, messages]) => messages?.length && !named.has(name)).flatMap(([, messages]) => messages) : []);
    if (!failure) return;
    const first = form.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])') ?? form.querySelector<HTMLElement>("[data-form-alert]");
    first?.focus();
  }, [state, failure, rendered, element]);

  const values = failure?.values;
  return {
    state,
    failure,
    isPending,
    props: { ref, action: formAction, noValidate: true },
    unplaced,
    errorsOf: (name) => (failure?.fieldErrors[name]?.length ? failure.fieldErrors[name] : undefined),
    valueOf: (name, initial) => (values && name in values ? asList(values[name])[0] : (initial ?? "").toString()),
    checkedOf: (name, initial, value = "on") => (values ? asList(values[name]).includes(value) : initial),
  };
}

/** Puts submitted values back into a form's controls; hidden, file and password inputs keep theirs. */
export function restoreValues(form: HTMLFormElement, values: SubmittedValues): void {
  const position = new Map<string, number>();
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || !el.name || el.disabled) continue;
    const submitted = asList(values[el.name]);
    if (el instanceof HTMLSelectElement) {
      if (submitted.length) for (const option of Array.from(el.options)) option.selected = submitted.includes(option.value);
    } else if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      el.checked = submitted.includes(el.value);
    } else if (!(el instanceof HTMLInputElement && ["hidden", "file", "password", "submit", "button", "reset", "image"].includes(el.type)) && el.name in values) {
      // Several fields of one name take the submitted values in order.
      const i = position.get(el.name) ?? 0;
      position.set(el.name, i + 1);
      el.value = submitted[i] ?? "";
    }
  }
}

const countText = (n: number) => (n === 0 ? "" : ` ${n} field${n === 1 ? " needs" : "s need"} attention.`);

type AlertProps = {
  form: ActionForm<unknown>;
  /** Shown once the action succeeded. */
  success?: ReactNode;
  /** Names the live region ("Stage move result") where a page has several. */
  label?: string;
  /** More about a failure, inside the region (the open items a refused move lists). */
  details?: ReactNode;
  /** Words for the failure instead of the server's message, read from its code and details. */
  failureText?: string;
  className?: string;
  /** Small text beside a row's controls rather than a box. */
  inline?: boolean;
};

/**
 * The form's outcome, in a live region that is always there (so a change is announced): the
 * error with the count of fields to correct and any message no field shows, or `success`.
 * It takes focus when a failure names no field; it belongs inside its form.
 */
export function FormAlert({ form, success, label, details, failureText, className = "", inline = false }: AlertProps) {
  const f = form.failure;
  const fields = f ? Object.values(f.fieldErrors).filter((m) => m?.length).length : 0;
  const failed = inline ? "text-xs font-medium text-rose-700" : "rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800";
  const succeeded = inline ? "text-xs text-emerald-800" : "text-sm text-emerald-800";
  const tone = f ? failed : form.state?.ok && success ? succeeded : "sr-only";
  return (
    <div data-form-alert tabIndex={-1} role="status" aria-live="polite" aria-label={label} className={`outline-none focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${tone} ${className}`} data-testid="form-error">
      {/* A new node per result, so a second identical failure is announced again. */}
      <p key={resultKey(form.state)} className={f && !inline ? "font-medium" : undefined}>
        {f ? `${failureText ?? f.formError}${countText(fields)}` : form.state?.ok ? success : null}
      </p>
      {f && form.unplaced.length ? (
        <ul className="mt-1 list-disc pl-5">
          {form.unplaced.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      {f ? details : null}
    </div>
  );
}

// Object identity names a result: each submit brings a new one.
const keys = new WeakMap<object, number>();
let lastKey = 0;
function resultKey(state: object | null): number {
  if (!state) return 0;
  let key = keys.get(state);
  if (key === undefined) keys.set(state, (key = ++lastKey));
  return key;
}
