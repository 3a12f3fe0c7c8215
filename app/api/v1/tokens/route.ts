import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createApiToken } from "@/lib/auth/mutations/create-api-token";
import { createTokenSchema } from "@/lib/auth/schemas";

export const POST = apiRoute(async ({ request, actor }) => {
  const input = await readJson(request, createTokenSchema);
  const { token } = await createApiToken(actor, input);
  // Shown once: only its hash is stored.
  return NextResponse.json({ token }, { status: 201, headers: { "cache-control": "no-store" } });
});
