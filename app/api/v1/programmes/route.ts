import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createProgramme } from "@/lib/programmes/mutations/create-programme";
import { listProgrammes } from "@/lib/programmes/queries";
import { createProgrammeSchema } from "@/lib/programmes/schemas";

export const GET = apiRoute(async ({ actor }) => listProgrammes(actor));

export const POST = apiRoute(async ({ request, actor }) => {
  const input = await readJson(request, createProgrammeSchema);
  return NextResponse.json(await createProgramme(actor, input), { status: 201 });
});
