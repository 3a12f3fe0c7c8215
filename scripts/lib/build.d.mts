/** The standalone folder of the build in NEXT_DIST_DIR, and its server.js. */
export function standaloneServer(): { dir: string; serverJs: string };
/** True when the build in NEXT_DIST_DIR exists and its standalone server is complete. */
export function hasBuild(): boolean;
/** `next build` and the standalone folder completed with static files; true when it worked. */
export function build(): boolean;
/** Builds the app when no build exists or a source file is newer; true when the build is usable. */
export function buildIfStale(): boolean;
