import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noteActor } from "@/lib/http/request-context";
import type { Actor } from "./actor";
import { getAuth } from "./better-auth";

/** The actor behind a page or action request, or null when nobody is signed in. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const h = await headers();
  const session = await getAuth().api.getSession({ headers: h });
  if (!session) return null;
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: { id: true, name: true, email: true, isAdmin: true, disabledAt: true } });
  // A disabled person's old session must stop working at once, not when it expires.
  if (!user || user.disabledAt) return null;
  // The request's log lines and access line name who acted (lib/http/request-context.ts).
  return noteActor({ userId: user.id, name: user.name || user.email, isAdmin: user.isAdmin, requestId: h.get("x-request-id") ?? undefined });
});

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
