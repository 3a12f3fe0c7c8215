"use client";
import type { ReactNode } from "react";
import { ActionFormContext, FormAlert, useActionForm, type FormAction } from "@/components/ui/form";

/**
 * A form over one server action whose fields come from the server page as children: they read
 * their errors and submitted values from the form's context (useEnclosingActionForm). The
 * outcome is announced in a region named "<label>: result".
 */
export function ActionForm({ action, label, submit, success, children, tone = "primary" }: { action: FormAction<unknown>; label: string; submit: string; success: string; children?: ReactNode; tone?: "primary" | "danger" }) {
  const form = useActionForm(action);
  const button = tone === "danger" ? "border border-rose-700 text-rose-800 hover:bg-rose-50" : "bg-brand-600 text-white hover:bg-brand-700";
  return (
    <ActionFormContext value={form}>
      <form {...form.props} aria-label={label} className="space-y-3">
        {children}
        <button type="submit" disabled={form.isPending} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${button}`}>
          {form.isPending ? "Saving…" : submit}
        </button>
        <FormAlert form={form} label={`${label}: result`} success={success} />
      </form>
    </ActionFormContext>
  );
}
