import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createUser } from "@/lib/auth/mutations/create-user";
import { createUserSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";

export const POST = apiRoute(async ({ request, actor }) => {
  const slug = request.nextUrl.searchParams.get("programme");
  if (!slug) throw new AppError("INVALID", "Name the programme: POST /api/v1/users?programme=<slug>.", [{ path: "programme", message: "required" }]);
  const input = await readJson(request, createUserSchema);
  return NextResponse.json(await createUser(actor, slug, input), { status: 201 });
});
