/**
 * The embedded database (PGlite behind a socket server) serves every connection from one
 * database session, so what one connection prepares, all see: a named statement prepared
 * by a second connection fails with "already exists". Its URL carries this application name
 * so that the app's pool knows not to name statements there.
 */
export const EMBEDDED_APPLICATION_NAME = "ferry-embedded";

/** True when connections to this URL share one session (the embedded database). */
export function sharesOneSession(url: string): boolean {
  try {
    return new URL(url).searchParams.get("application_name") === EMBEDDED_APPLICATION_NAME;
  } catch {
    return false;
  }
}
