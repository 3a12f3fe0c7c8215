/** Builds the app when no build exists or a source file is newer; true when the build is usable. */
export function buildIfStale(): boolean;
