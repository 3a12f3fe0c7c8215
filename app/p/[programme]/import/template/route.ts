import { csvTemplate } from "@/lib/inventory/csv";

// The CSV template with every documented column and an example row; static, so no auth needed.
export function GET() {
  return new Response(csvTemplate(), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="ferry-services-template.csv"' } });
}
