/**
 * Who is acting. Every mutation receives one and authorises inside (a server action or a
 * route is a public endpoint; hiding a button is never the protection).
 */
export type Actor = {
  /** Null for the bootstrap admin token and for system jobs (seed, migrations). */
  userId: string | null;
  name: string;
  /** Deployment administrator: may create programmes and act as manager everywhere. */
  isAdmin: boolean;
  /**
   * Set for a token scoped to one programme (a service account's, or one made on a programme's
   * page): every other programme is invisible to it, as if it did not exist.
   */
  programmeScope?: string;
  /** Ties the audit event to the request that caused it. */
  requestId?: string;
};

/** The actor for work the system does itself (seeding, maintenance). */
export const systemActor = (name = "Ferry"): Actor => ({ userId: null, name, isAdmin: true });
