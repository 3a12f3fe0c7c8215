import { apiRoute } from "@/lib/api/handler";
import { getStoredWaves } from "@/lib/waves/queries";

/** The stored waves in the plan's shape. */
export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => getStoredWaves(actor, params.slug));
