/**
 * Every request gets an id (the caller's, if it sent a sane one): server code reads it to tag
 * logs and audit events, and every response echoes it.
 */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
