/**
 * Lets benchmark code import modules marked `import "server-only"`, which throws outside
 * React's server build: here they run as plain Node, as under vitest (which aliases it to an
 * empty module). Must run before such a module is imported, so index.ts calls it first and
 * loads the suites after.
 */
import { register } from "node:module";

let hooked = false;

export function allowServerOnly(): void {
  if (hooked) return;
  hooked = true;
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
