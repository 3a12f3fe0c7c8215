import { apiRoute } from "@/lib/api/handler";
import { getSliceForApi } from "@/lib/slices/queries/slice";

export const GET = apiRoute<{ slug: string; id: string }>(async ({ params, actor }) => getSliceForApi(actor, params.slug, params.id));
