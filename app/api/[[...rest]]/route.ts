import { unknownApiPath } from "@/lib/api/handler";

// Any /api address no route file serves (`/api`, `/api/v2/…`, a hostile first segment) gets
// the API's JSON 404, whatever the method, rather than the HTML not-found page; /api/v1 has a
// catch-all of its own. Next matches static and dynamic segments first, so no route is shadowed.
export const GET = unknownApiPath;
export const HEAD = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
export const OPTIONS = unknownApiPath;
