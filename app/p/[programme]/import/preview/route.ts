import { NextResponse } from "next/server";
import { sessionRoute } from "@/lib/http/session-route";
import { previewImport } from "@/lib/inventory/mutations/preview-import";
import { readBodyCapped } from "@/lib/inventory/read-capped";
import { importFormatSchema } from "@/lib/inventory/schemas";

// What importing the posted file would do; problems come back in the report, nothing is written.
// A route rather than a server action: a catalog may be over the action body limit (read-capped.ts).
export const POST = sessionRoute(
  async ({ request, actor, params }) => {
    const format = importFormatSchema.parse(new URL(request.url).searchParams.get("format"));
    const text = await readBodyCapped(request);
    return NextResponse.json(await previewImport(actor, params.programme, { format, text }));
  },
  { permission: "inventory.import" },
);
