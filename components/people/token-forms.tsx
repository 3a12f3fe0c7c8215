"use client";

import { createTokenAction, revokeTokenAction } from "@/lib/auth/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass, Field } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/** Creates a token and shows it once; after this page it can never be read again. */
export function CreateTokenForm({ slug, forUserId, label }: { slug: string; forUserId?: string; label: string }) {
  const form = useActionForm(createTokenAction.bind(null, slug));
  return (
    <form {...form.props} className="space-y-3" aria-label={label}>
      {forUserId ? <input type="hidden" name="forUserId" value={forUserId} /> : null}
      <FormAlert form={form} />
      <div className="flex flex-wrap items-end gap-3">
        <Field
          className="min-w-48 flex-1"
          label="Token name"
          name="name"
          required
          hint="What will use it, e.g. nightly CMDB sync"
          errors={form.errorsOf("name")}
          defaultValue={form.valueOf("name", "")}
          id={`token-name-${forUserId ?? "mine"}`}
        />
        <button type="submit" className={buttonClass} disabled={form.isPending}>
          Create token
        </button>
      </div>
      {form.state?.ok ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Copy this token now: it will not be shown again.</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs" aria-label="New token">
            {form.state.data.token}
          </code>
          <div className="mt-2">
            <CopyButton text={form.state.data.token} label="Copy token" />
          </div>
        </div>
      ) : null}
    </form>
  );
}

/** Revokes a token after asking: whatever uses it is refused from the next request on. */
export function RevokeTokenButton({ slug, tokenId, name }: { slug: string; tokenId: string; name: string }) {
  return (
    <ConfirmAction
      action={revokeTokenAction.bind(null, slug)}
      fields={{ tokenId }}
      label="Revoke"
      ariaLabel={`Revoke token ${name}`}
      title={`Revoke the token "${name}"?`}
      description={<p>Every script or pipeline using it is refused from its next request. This cannot be undone: a new token has to be made and put in its place.</p>}
      confirmLabel="Revoke the token"
      pendingLabel="Revoking…"
    />
  );
}
