import { NextResponse } from "next/server";
import { importFormatSchema } from "@/lib/inventory/schemas";
import { previewImport } from "@/lib/inventory/mutations";
import { readBodyCapped } from "@/lib/inventory/read-capped";
import { pageRoute } from "@/lib/inventory/page-routes";

// What importing the posted file would do; problems come back in the report, nothing is written.
export async function POST(request: Request, { params }: { params: Promise<{ programme: string }> }) {
  return pageRoute(request, async (actor) => {
    const format = importFormatSchema.parse(new URL(request.url).searchParams.get("format"));
    const text = await readBodyCapped(request);
    return NextResponse.json(await previewImport(actor, (await params).programme, { format, text }));
  });
}
