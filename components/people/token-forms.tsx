"use client";

import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/auth/actions";
import { buttonClass, Field, FormError } from "@/components/ui/field";

/** Creates a token and shows it once; after this page it can never be read again. */
export function CreateTokenForm({ slug, forUserId, label }: { slug: string; forUserId?: string; label: string }) {
  const [state, action, pending] = useActionState(createTokenAction.bind(null, slug), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-3" aria-label={label}>
      {forUserId ? <input type="hidden" name="forUserId" value={forUserId} /> : null}
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label="Token name" name="name" required hint="What will use it, e.g. nightly CMDB sync" errors={errors.name} id={`token-name-${forUserId ?? "mine"}`} />
        </div>
        <button type="submit" className={`${buttonClass} mb-5`} disabled={pending}>
          Create token
        </button>
      </div>
      {state?.ok ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Copy this token now: it will not be shown again.</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs" aria-label="New token">
            {(state.data as { token: string }).token}
          </code>
        </div>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ slug, tokenId, name }: { slug: string; tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction.bind(null, slug), null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} className="text-sm text-rose-700 underline" aria-label={`Revoke token ${name}`}>
        Revoke
      </button>
      {state && !state.ok ? <span role="status" className="ml-2 text-xs text-rose-700">{state.formError}</span> : null}
    </form>
  );
}
