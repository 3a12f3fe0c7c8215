/**
 * The embedded database (PGlite behind a socket server) serves every connection from one
 * database session. Its URL carries this application name, so its connections say what they
 * are (in pg_stat_activity, and to anyone reading a URL in a log).
 */
export const EMBEDDED_APPLICATION_NAME = "ferry-embedded";
