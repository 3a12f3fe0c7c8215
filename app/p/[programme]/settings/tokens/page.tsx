import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateTokenForm } from "@/components/people/token-forms";
import { TokenTable } from "@/components/people/token-table";
import { listTokens } from "@/lib/auth/queries";
import { getProgrammeForPage } from "@/lib/programmes/page-access";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ programme: string }> }) {
  const { actor, programme } = await getProgrammeForPage((await params).programme);
  const { mine, serviceAccounts } = await listTokens(actor.userId, programme.id, programme.role === "manager");
  return (
    <>
      <PageHeader title="API tokens" description="Tokens act as their owner through the REST API (Authorization: Bearer <token>), in this programme only when made here. Only a hash is stored: a token is shown once, when it is made." />
      <div className="space-y-6">
        {actor.userId ? (
          <Card title="Your tokens">
            <CreateTokenForm slug={programme.slug} label="Create a personal token" />
            <div className="mt-4">
              <TokenTable tokens={mine} slug={programme.slug} caption="Your tokens" />
            </div>
          </Card>
        ) : null}
        {programme.role === "manager" ? (
          <Card title="Service accounts">
            {serviceAccounts.length === 0 ? (
              <p className="text-sm text-slate-600">No service accounts in this programme. Add one on the People page (tick “service account”) to give automation its own identity and role.</p>
            ) : (
              <div className="space-y-6">
                {serviceAccounts.map((sa) => (
                  <section key={sa.id} aria-label={`Service account ${sa.name}`}>
                    <h3 className="text-sm font-semibold">
                      {sa.name} <span className="font-normal text-slate-500">{sa.email}</span>
                    </h3>
                    <CreateTokenForm slug={programme.slug} forUserId={sa.id} label={`Create a token for ${sa.name}`} />
                    <TokenTable tokens={sa.apiTokens} slug={programme.slug} caption={`Tokens of ${sa.name}`} />
                  </section>
                ))}
              </div>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
