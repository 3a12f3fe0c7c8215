"use client";

import { issueSignInLinkAction, revokeSignInLinkAction } from "@/lib/auth/sign-in-link-actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { NewSignInLink } from "./invitations-link";

/**
 * A member's "Reset password" (for someone with one) or "Invitation link" (for someone who has
 * no way in yet): makes a new one-time link and shows it once, here, with a copy button.
 */
export function SignInLinkButton({ slug, userId, name, hasPassword }: { slug: string; userId: string; name: string; hasPassword: boolean }) {
  const form = useActionForm(issueSignInLinkAction.bind(null, slug));
  const link = form.state?.ok ? form.state.data : null;
  return (
    <form {...form.props} aria-label={`Sign-in link for ${name}`}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={form.isPending} className="text-sm text-brand-700 underline">
        {hasPassword ? "Reset password" : "Invitation link"}
        <span className="sr-only"> for {name}</span>
      </button>
      <FormAlert form={form} inline />
      {link ? <NewSignInLink link={link} /> : null}
    </form>
  );
}

/** Withdraws a link that has not been used yet, after asking. */
export function RevokeSignInLinkButton({ slug, linkId, name }: { slug: string; linkId: string; name: string }) {
  return (
    <ConfirmAction
      action={revokeSignInLinkAction.bind(null, slug)}
      fields={{ linkId }}
      label="Withdraw"
      ariaLabel={`Withdraw the sign-in link for ${name}`}
      title={`Withdraw ${name}'s sign-in link?`}
      description={<p>The link stops working at once. You can give {name} a new one at any time.</p>}
      confirmLabel="Withdraw the link"
      pendingLabel="Withdrawing…"
    />
  );
}
