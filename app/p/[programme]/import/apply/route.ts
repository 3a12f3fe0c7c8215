import { NextResponse } from "next/server";
import * as z from "zod";
import { sessionRoute } from "@/lib/http/session-route";
import { importInventory } from "@/lib/inventory/mutations/import-inventory";
import { readBodyCapped } from "@/lib/inventory/read-capped";
import { importFormatSchema } from "@/lib/inventory/schemas";

const querySchema = z.strictObject({
  format: importFormatSchema,
  confirmRemovals: z.enum(["0", "1"]).default("0"),
  expectedRemovals: z.coerce.number().int().min(0).optional(),
});

// Applies the posted file in one transaction; INVALID with every row error when any row is wrong.
export const POST = sessionRoute(
  async ({ request, actor, params }) => {
    const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const text = await readBodyCapped(request);
    const report = await importInventory(actor, params.programme, { format: q.format, text, confirmRemovals: q.confirmRemovals === "1", expectedRemovals: q.expectedRemovals });
    return NextResponse.json(report);
  },
  { permission: "inventory.import" },
);
