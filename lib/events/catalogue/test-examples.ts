/**
 * One payload per shape of every catalogued action, as its writer builds it. The type makes
 * adding an action without an example a compile error; the unit tests parse each one and check
 * that the schema refuses what the writer does not write.
 */
import type { EventAction, PayloadInput, ServiceChanges } from ".";

const standing = { stage: "10", status: "shifting" } as const;
const service: Required<ServiceChanges> = {
  name: "checkout", description: null, team: "payments", kind: "api", stateful: false, shared: false, dataStores: [], sessionSticky: false, configSources: ["env"],
  configNotes: null, launchCommand: null, buildCommand: null, migrateCommand: null, peakRps: 120, tier: 2, legacyPlatform: "vm", targetCluster: null,
  targetNamespace: "shop", strategy: "rehost", repositoryUrl: null, system: null, tags: ["pci"],
};
const edge = { from: "checkout", to: "orders", kind: "sync" } as const;
const wave = { number: 2, name: "Wave 2", goal: null, plannedStart: "2026-03-02", plannedEnd: null };
const facility = { key: "ingress", status: "ready", ownerTeamId: null, notes: null } as const;
const importedFacility = { key: "ingress", name: "Ingress", status: "in_progress", ownerTeam: "platform" } as const;
const importedWave = { number: 1, name: "Pilot", facilities: ["ingress"] };
const importedSlice: PayloadInput<"slice.updated">["after"] = { name: "checkout slice", team: "payments", wave: 1, status: "live", stage: "100", services: ["checkout"], actualStart: "2026-02-01T09:00:00.000Z", pinnedWave: null };
const item = { title: "Probes", category: "observable", appliesTo: "all", gateStage: "1" } as const;
const sync = { slices: 3, added: 1, updated: 0, removed: 2, kept: 5 };

export const EXAMPLES = {
  "programme.cadence_changed": [{ before: { waveLengthWeeks: null, wavesStartOn: null }, after: { waveLengthWeeks: 2, wavesStartOn: "2026-03-02" } }],
  "programme.created": [{ before: null, after: { slug: "shop", name: "Shop", targetDate: "2026-12-31" } }],
  "programme.updated": [{ before: { name: "Shop", description: null, targetDate: null, environments: ["dev", "prod"] }, after: { name: "Shop", description: "All of it", targetDate: "2026-12-31", environments: ["dev", "prod"] } }],
  "programme.plan_applied": [{ before: null, after: { capacityPerTeam: null, waves: 4, moved: 3, created: 2, wavesCreated: [3, 4], violations: 0 } }],
  "programme.restored": [{ before: null, after: { restoredEvents: 2, firstEventId: 10, lastEventId: 11, peopleCreated: ["a@example.com"], membershipsDropped: [] } }],
  "inventory.imported": [{ before: null, after: { format: "backstage", created: 5, updated: 1, unchanged: 0, removed: 0 } }],

  "team.created": [{ before: null, after: { name: "payments", contactChannel: "#payments" } }],
  "team.updated": [
    { before: { contactChannel: null }, after: { contactChannel: "#payments" } },
    { before: { name: "payments", contactChannel: null }, after: { name: "payments-core", contactChannel: "#pay" } },
  ],
  "team.people_changed": [{ before: { leads: [], members: [] }, after: { leads: [{ name: "Ada", email: "ada@example.com" }], members: [] } }],
  "team.deleted": [{ before: { name: "payments" }, after: null }],
  "service.created": [{ before: null, after: service }, { before: null, after: { name: "orders", kind: "worker", tags: ["batch"] } }],
  "service.updated": [{ before: { tier: 3, tags: [] }, after: { tier: 2, tags: ["pci"] } }],
  "service.deleted": [{ before: { ...service, dependents: ["cart"] }, after: null }, { before: { name: "checkout" }, after: null }],
  "dependency.created": [{ before: null, after: edge }],
  "dependency.updated": [{ before: edge, after: { ...edge, kind: "async" } }],
  "dependency.deleted": [{ before: edge, after: null }],

  "slice.stage_moved": [
    { before: standing, after: { stage: "50", status: "shifting", kind: "advance" } },
    { before: { stage: "0", status: "preparing" }, after: { stage: "10", status: "shifting", kind: "skip", reason: "internal only", skipped: ["mirror", "1"] } },
  ],
  "slice.rolled_back": [
    { before: standing, after: { stage: "0", status: "rolled_back", kind: "rollback", reason: "5xx above 2%", signal: "error_rate", observed: "5.2% 5xx" } },
    { before: standing, after: { stage: "1", status: "shifting", kind: "rollback", reason: "paused" } },
  ],
  "slice.status_changed": [{ before: { stage: "100", status: "live" }, after: { stage: "100", status: "done", reason: "a checklist item was ticked" } }],
  "slice.checklist_applied": [{ before: null, after: { templateId: "t1", template: "Default", ...sync } }],
  "slice.rollout_read": [{ before: null, after: { readingId: "r1", sourceKind: "Rollout", name: "checkout", weight: 20, phase: "Paused", healthy: true, proposed: "10", proposedKind: "advance" } }],
  "slice.wave_changed": [
    { before: { wave: 1, pinnedWave: null, pinReason: null }, after: { wave: 2, pinnedWave: 2, pinReason: "contract", breaks: ["orders slice"] } },
    { before: { wave: null, pinnedWave: null, pinReason: null }, after: { wave: 1, pinnedWave: null, pinReason: null, reason: "plan applied" } },
  ],
  "slice.created": [
    { before: null, after: { name: "checkout-b", services: ["checkout"], splitFrom: "s1" } },
    { before: null, after: { name: "payments 1", team: "payments", wave: 1, services: ["checkout"], by: "plan" } },
    { before: null, after: importedSlice },
    { before: null, after: { name: "checkout", team: "payments", wave: null, services: ["checkout"], by: "form" } },
  ],
  "slice.renamed": [{ before: { name: "a" }, after: { name: "checkout" } }],
  "slice.services_changed": [{ before: { services: ["a"] }, after: { services: ["a", "b"], added: ["b"], removed: [] } }],
  "slice.rollback_plan_changed": [{ before: { rollbackPlan: null }, after: { rollbackPlan: "Flip the weight back to 0." } }],
  "slice.rollback_rehearsed": [{ before: { rehearsedAt: null }, after: { rehearsedAt: "2026-11-30T10:00:00.000Z", notes: "Took 4 minutes." } }],
  "slice.pin_lifted": [{ before: { pinnedWave: 2, pinReason: "contract" }, after: { wave: 2 } }],
  "slice.updated": [{ before: null, after: importedSlice }],
  "slice.split": [{ before: { services: ["a", "b"] }, after: { services: ["a"], splitOff: "b slice" } }],
  "slice.merged": [{ before: { name: "a", wave: 1, services: ["a"] }, after: { name: "a", wave: 2, services: ["a", "b"], merged: ["b"] } }],
  "slice.deleted": [{ before: { name: "b", services: ["b"] }, after: { mergedInto: "s1" } }],

  "wave.created": [{ before: null, after: { number: 3, by: "plan" } }, { before: null, after: importedWave }, { before: null, after: { number: 3, by: "plan", plannedStart: "2026-03-02", plannedEnd: "2026-03-15" } }],
  "wave.updated": [{ before: wave, after: { ...wave, goal: "Stateless first" } }, { before: null, after: importedWave }],
  "wave.facilities_changed": [{ before: { number: 1, facilities: [] }, after: { number: 1, facilities: ["ingress"] } }],
  "facility.created": [{ before: null, after: importedFacility }],
  "facility.updated": [{ before: facility, after: { ...facility, notes: "done" } }, { before: null, after: importedFacility }],
  "facility.status_changed": [{ before: { ...facility, status: "in_progress" }, after: facility }],

  "checklist_template.created": [{ before: null, after: { name: "Default", items: 24 } }, { before: null, after: { name: "Default", isDefault: true } }],
  "checklist_template.updated": [{ before: null, after: { name: "Default", isDefault: false } }, { before: null, after: { item: "probes", title: "Probes" } }],
  "checklist_template.item_added": [{ before: null, after: { key: "probes", ...item } }],
  "checklist_template.item_edited": [{ before: item, after: { key: "probes", ...item, gateStage: null } }],
  "checklist_template.item_removed": [{ before: { key: "probes", title: "Probes" }, after: null }],
  "checklist_template.synced": [{ before: null, after: { name: "Default", ...sync } }, { before: null, after: { name: "Default", ...sync, followUps: 2, skipped: 0 } }],
  "checklist_item.ticked": [
    { before: { state: "open" }, after: { state: "done", evidenceUrl: "https://ci.example/1", title: "Probes", sliceId: "s1" } },
    { before: { state: "done" }, after: { state: "open", title: "Probes", sliceId: "s1" } },
    { before: { state: "open" }, after: { state: "na", reason: "No database", title: "PVC", sliceId: "s1" } },
  ],
  "checklist_item.created": [{ before: null, after: { key: "probes", state: "done" } }],
  "checklist_item.updated": [{ before: null, after: { key: "probes", state: "open" } }],

  "membership.created": [{ before: null, after: { email: "a@example.com", name: "A", role: "lead", teams: ["payments"] } }],
  "membership.role_changed": [{ before: { role: "viewer" }, after: { role: "lead" } }],
  "membership.removed": [{ before: { role: "viewer" }, after: null }],
  "membership.teams_changed": [{ before: { teams: [] }, after: { teams: [{ team: "payments", lead: true }] } }],
  "user.created_as_administrator": [{ before: null, after: { email: "admin@example.com" } }],
  "user.created_by_sso": [{ before: null, after: { email: "a@example.com" } }],
  "api_token.created": [{ before: null, after: { name: "ci", prefix: "fy_ab12", userId: "u1", programmeId: null } }],
  "api_token.revoked": [{ before: null, after: { name: "ci", userId: "u1", programmeId: "p1" } }],
  "invitation.created": [{ before: null, after: { userId: "u1", email: "a@example.com", name: "A", expiresAt: "2026-12-08T10:00:00.000Z" } }],
  "password_reset.issued": [{ before: null, after: { userId: "u1", email: "a@example.com", name: "A", expiresAt: "2026-12-02T10:00:00.000Z" } }],
  "invitation.accepted": [{ before: null, after: { userId: "u1", email: "a@example.com", purpose: "invitation" } }],
  "invitation.revoked": [{ before: null, after: { userId: "u1", email: "a@example.com", purpose: "password_reset", reason: "superseded" } }],

  "report_note.updated": [{ before: { week: "2026-W47", notes: "", asks: "" }, after: { week: "2026-W47", notes: "Checkout is live.", asks: "A DBA for the orders cut-over." } }],
  "programme.time_zone_changed": [{ before: { timeZone: "UTC" }, after: { timeZone: "Europe/Paris" } }],
  "report_week.closed": [{ before: null, after: { week: "2026-W47", start: "2026-11-16T00:00:00.000Z", end: "2026-11-23T00:00:00.000Z", timeZone: "UTC" } }],
} satisfies { [A in EventAction]: readonly [PayloadInput<A>, ...PayloadInput<A>[]] };
