import "server-only";
import { headers } from "next/headers";
import type { Actor } from "./actor";

/**
 * The actor behind a page request. Until sign-in exists (issue: sign-in, roles and the audit
 * log) every visitor reads as an administrator; no page offers a mutation yet, so nothing can
 * be changed through this. Sign-in replaces this function's body, not its callers.
 */
export async function currentActor(): Promise<Actor> {
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  return { userId: null, name: "Guest", isAdmin: true, requestId };
}
