/**
 * Whether the process finished starting (instrumentation.ts's register ran to its end): what
 * Kubernetes' startup probe asks (/api/startup) before liveness and readiness take over. It
 * never depends on the database, so an outage while pods start is a readiness failure, not a
 * restart loop.
 */
const globalForStartup = globalThis as unknown as { ferryStarted?: boolean };

export function markStarted(): void {
  globalForStartup.ferryStarted = true;
}

export function hasStarted(): boolean {
  return globalForStartup.ferryStarted === true;
}
