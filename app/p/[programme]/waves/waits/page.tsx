import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/card";
import { secondaryButtonClass } from "@/components/ui/field";
import { WaitsView } from "@/components/waves/waits-view";
import { getProgrammeForPage } from "@/lib/programmes/page-access";
import { getWaits } from "@/lib/waves/queries";

export const metadata: Metadata = { title: "Who waits on whom" };

export default async function WaitsPage({ params }: { params: Promise<{ programme: string }> }) {
  const { programme } = await getProgrammeForPage((await params).programme);
  const { waits, blockedCount, againstOrder } = await getWaits(programme.id);
  return (
    <>
      <PageHeader title="Who waits on whom" description={`${blockedCount} blocked slice${blockedCount === 1 ? "" : "s"}, grouped by the team they wait on. A slice waits for a slice planned earlier that it follows and that is not live yet; a slice placed against the order is listed first.`}>
        <Link href={`/p/${programme.slug}/waves`} className={secondaryButtonClass}>
          Back to the board
        </Link>
      </PageHeader>
      <WaitsView waits={waits} headingLevel={2} againstOrder={againstOrder} base={`/p/${programme.slug}`} />
    </>
  );
}
