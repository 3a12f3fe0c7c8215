/** REST operations of this domain, for the OpenAPI document (see lib/api/operations.ts). */
import type { Operation } from "@/lib/api/openapi";

export const servicesOperations: Operation[] = [];
