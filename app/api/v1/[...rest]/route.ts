import { unknownApiPath } from "@/lib/api/handler";

// Any /api/v1 address no route file serves gets the API's JSON 404, whatever the method.
// Next matches static and dynamic segments before a catch-all, so no real route is shadowed.
export const GET = unknownApiPath;
export const HEAD = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
export const OPTIONS = unknownApiPath;
