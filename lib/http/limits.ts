/**
 * Server actions' body limit: next.config.ts gives it to Next (`serverActions.bodySizeLimit`)
 * and proxy.ts refuses larger bodies by their Content-Length first, because Next answers an
 * oversized action body with a 500.
 */
export const SERVER_ACTION_BODY_LIMIT = "1mb";
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
