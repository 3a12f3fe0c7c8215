import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/format";

type Link = { url: string; purpose: "invitation" | "password_reset"; expiresAt: Date | string; name: string; email: string };

/**
 * A sign-in link just made, shown this once: Ferry keeps only its hash, so after this page it
 * can never be read again. The manager passes it on themselves (chat, in person), which is why
 * it is copyable and says whom it is for and until when it works.
 */
export function NewSignInLink({ link }: { link: Link }) {
  const what = link.purpose === "invitation" ? "Invitation" : "Password reset link";
  const id = `sign-in-link-${link.email.replace(/[^\w-]/g, "-")}`;
  return (
    <div className="mt-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
      <p className="font-medium text-emerald-900">
        {what} for {link.name} ({link.email}): copy it now, it will not be shown again.
      </p>
      <p className="mt-1 text-xs text-emerald-900">
        It works once, until {formatDateTime(new Date(link.expiresAt))}. {link.purpose === "invitation" ? "They choose a password with it and are signed in." : "Their current password keeps working until they use it."}
      </p>
      <label htmlFor={id} className="mt-2 block text-xs font-medium text-slate-800">
        {what}
      </label>
      <input id={id} readOnly value={link.url} className="mt-1 block w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
      <div className="mt-2">
        <CopyButton text={link.url} label="Copy link" />
      </div>
    </div>
  );
}
