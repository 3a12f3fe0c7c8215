/**
 * Changes of owner team, beside the main matrix (one entry per mutation): who may hand a
 * service to another team or to none. A lead may keep or move ownership only among their
 * own teams; "no team" (which disowned the service) and another team are a manager's call.
 */
import type { Fixture, MatrixRole } from "./fixture";
import type { Mutations, Outcome } from "./table";

export type OwnershipCase = {
  run: (m: Mutations, actor: Fixture["actors"][MatrixRole], f: Fixture) => Promise<unknown>;
  outcomes: Record<MatrixRole, Outcome>;
};

const serviceForm = (f: Fixture, team: string | null) => ({ id: f.svcA.id, name: f.svcA.name, kind: "api", tier: 3, strategy: "rehost", team });
// Only a manager may; the lead of the owning team included.
const MANAGERS_ONLY: Record<MatrixRole, Outcome> = { manager: "allowed", leadOwn: "forbidden", leadOther: "forbidden", viewer: "forbidden", outsider: "not_found" };

export const OWNERSHIP: Record<string, OwnershipCase> = {
  "updateService to no team": { run: (m, a, f) => m.updateService(a, f.slug, serviceForm(f, null)), outcomes: MANAGERS_ONLY },
  "updateService to a team the lead is not in": { run: (m, a, f) => m.updateService(a, f.slug, serviceForm(f, "beta")), outcomes: MANAGERS_ONLY },
  "bulkEditServices to no team": { run: (m, a, f) => m.bulkEditServices(a, f.slug, { ids: [f.svcA.id, f.svcA2.id], team: null }), outcomes: MANAGERS_ONLY },
  "bulkEditServices to a team the lead is not in": { run: (m, a, f) => m.bulkEditServices(a, f.slug, { ids: [f.svcA.id], team: "beta" }), outcomes: MANAGERS_ONLY },
  // Keeping the owner is a plain edit: the lead of the owning team may.
  "updateService keeping its team": {
    run: (m, a, f) => m.updateService(a, f.slug, serviceForm(f, "alpha")),
    outcomes: { manager: "allowed", leadOwn: "allowed", leadOther: "forbidden", viewer: "forbidden", outsider: "not_found" },
  },
};
