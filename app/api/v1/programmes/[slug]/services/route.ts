import { apiRoute } from "@/lib/api/handler";
import { listServicesForApi } from "@/lib/services/queries";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => listServicesForApi(actor, params.slug));
