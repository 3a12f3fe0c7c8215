import { formatDateTime } from "@/lib/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { RevokeTokenButton } from "./token-forms";

type Token = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; programme: { name: string } | null };

export function TokenTable({ tokens, slug, caption }: { tokens: Token[]; slug: string; caption: string }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No tokens yet.</p>;
  return (
    <ScrollRegion label={`${caption} (table)`}>
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-slate-600">
        <tr>
          <th scope="col" className="py-2 font-medium">Name</th>
          <th scope="col" className="py-2 font-medium">Token</th>
          <th scope="col" className="py-2 font-medium">Reaches</th>
          <th scope="col" className="py-2 font-medium">Created</th>
          <th scope="col" className="py-2 font-medium">Last used</th>
          <th scope="col" className="py-2 font-medium">State</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className="border-t border-slate-100">
            <td className="py-2">{t.name}</td>
            <td className="py-2 font-mono text-xs">{t.prefix}…</td>
            <td className="py-2">{t.programme ? t.programme.name : "every programme of its owner"}</td>
            <td className="py-2">{formatDateTime(t.createdAt)}</td>
            <td className="py-2">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}</td>
            <td className="py-2">{t.revokedAt ? <span>Revoked {formatDateTime(t.revokedAt)}</span> : <RevokeTokenButton slug={slug} tokenId={t.id} name={t.name} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
