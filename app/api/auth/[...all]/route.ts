import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/better-auth";

// better-auth's own endpoints: sign-in, sign-out, session, the SSO redirect and callback.
export const { GET, POST } = toNextJsHandler((request: Request) => getAuth().handler(request));
