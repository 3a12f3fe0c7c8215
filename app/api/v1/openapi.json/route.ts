import { buildOpenApi } from "@/lib/api/openapi";
import { operations } from "@/lib/api/operations";
import packageJson from "@/package.json";

// Public, like the API's documentation: it describes the contract, not any data.
export function GET() {
  return Response.json(buildOpenApi(operations, { version: packageJson.version }));
}
