import { apiRoute } from "@/lib/api/handler";
import { getGraphForApi } from "@/lib/graph/queries";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => getGraphForApi(actor, params.slug));
