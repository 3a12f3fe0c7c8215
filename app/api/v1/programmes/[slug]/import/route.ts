import { apiRoute, zodDetails } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { importInventory } from "@/lib/inventory/mutations/import-inventory";
import { previewImport } from "@/lib/inventory/mutations/preview-import";
import { readBodyCapped } from "@/lib/inventory/read-capped";
import { importQuerySchema } from "@/lib/inventory/schemas";

export const POST = apiRoute<{ slug: string }>(async ({ request, params, actor }) => {
  const query = importQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) throw new AppError("INVALID", "The query string is not valid.", zodDetails(query.error));
  // The size is checked before anything is parsed (and before the programme is looked up).
  const text = await readBodyCapped(request);
  const input = { format: query.data.format, text, confirmRemovals: query.data.removeMissing };
  if (!query.data.dryRun) return importInventory(actor, params.slug, input);
  const report = await previewImport(actor, params.slug, input);
  if (report.errors.length) throw new AppError("INVALID", `The file has ${report.errors.length} problem(s).`, report.errors);
  return report;
});
