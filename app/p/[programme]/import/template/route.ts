import { sessionRoute } from "@/lib/http/session-route";
import { csvTemplate } from "@/lib/inventory/csv";

// The CSV template with every documented column and an example row, for the import page.
export const GET = sessionRoute(async () =>
  new Response(csvTemplate(), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="ferry-services-template.csv"' } }),
);
