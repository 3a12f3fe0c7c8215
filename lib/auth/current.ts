import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * The actor behind a page or action request, or null when nobody is signed in.
 * (Sign-in with sessions replaces the body of `sessionActor`; callers stay as they are.)
 */
export async function currentActor(): Promise<Actor | null> {
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  return sessionActor(requestId);
}

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For server actions: the signed-in actor, or UNAUTHENTICATED. */
export async function requireActionActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return actor;
}

// Until sign-in lands every visitor acts as an administrator: the deployment is a demo.
async function sessionActor(requestId: string | undefined): Promise<Actor | null> {
  return { userId: null, name: "Guest", isAdmin: true, requestId };
}
