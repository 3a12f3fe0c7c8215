/**
 * The authorization matrix: one entry per mutation, naming the permission it needs and how to
 * call it on a target owned by team alpha. The test runs every entry for every role; a
 * mutation exported without an entry here fails the suite.
 */
import type { Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/rules";
import type { Fixture, MatrixRole } from "./fixture";

export type Outcome = "allowed" | "forbidden" | "not_found";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mutations' own signatures are checked where they are called
export type Mutations = Record<string, (...args: any[]) => Promise<unknown>>;

export type MatrixCase = {
  /** The permission in lib/auth/rules.ts; outcomes follow from it unless `outcomes` says otherwise. */
  action: Action | null;
  run: (m: Mutations, actor: Actor, f: Fixture) => Promise<unknown>;
  /** For mutations outside a programme's role table (tokens, programmes). */
  outcomes?: Record<MatrixRole, Outcome>;
};

/** The modules whose exported functions are mutations. */
export const MUTATION_MODULES = [
  () => import("@/lib/auth/mutations/create-user"),
  () => import("@/lib/auth/mutations/add-member"),
  () => import("@/lib/auth/mutations/issue-sign-in-link"),
  () => import("@/lib/auth/mutations/revoke-sign-in-link"),
  () => import("@/lib/auth/mutations/set-member-role"),
  () => import("@/lib/auth/mutations/remove-member"),
  () => import("@/lib/auth/mutations/set-member-teams"),
  () => import("@/lib/auth/mutations/create-api-token"),
  () => import("@/lib/auth/mutations/create-programme-token"),
  () => import("@/lib/auth/mutations/revoke-api-token"),
  () => import("@/lib/programmes/mutations/create-programme"),
  () => import("@/lib/services/mutations/create-service"),
  () => import("@/lib/services/mutations/update-service"),
  () => import("@/lib/services/mutations/delete-service"),
  () => import("@/lib/services/mutations/bulk-edit-services"),
  () => import("@/lib/dependencies/mutations/add-dependency"),
  () => import("@/lib/dependencies/mutations/retype-dependency"),
  () => import("@/lib/dependencies/mutations/remove-dependency"),
  () => import("@/lib/inventory/mutations/preview-import"),
  () => import("@/lib/inventory/mutations/import-inventory"),
  () => import("@/lib/waves/mutations/apply-plan"),
  () => import("@/lib/waves/mutations/move-slice"),
  () => import("@/lib/waves/mutations/update-wave"),
  () => import("@/lib/waves/mutations/merge-slices"),
  () => import("@/lib/waves/mutations/split-slice"),
  () => import("@/lib/waves/mutations/set-wave-cadence"),
  () => import("@/lib/teams/mutations/create-team"),
  () => import("@/lib/teams/mutations/update-team"),
  () => import("@/lib/teams/mutations/set-team-people"),
  () => import("@/lib/slices/mutations/create-slice"),
  () => import("@/lib/slices/mutations/rename-slice"),
  () => import("@/lib/slices/mutations/change-slice-services"),
  () => import("@/lib/slices/mutations/update-rollback-plan"),
  () => import("@/lib/slices/mutations/record-rehearsal"),
  () => import("@/lib/slices/mutations/lift-slice-pin"),
  () => import("@/lib/facilities/mutations/update-facility"),
  () => import("@/lib/facilities/mutations/set-wave-facilities"),
  () => import("@/lib/slices/mutations/move-slice-stage"),
  () => import("@/lib/slices/mutations/read-slice-rollout"),
  () => import("@/lib/checklists/mutations/tick-checklist-item"),
  () => import("@/lib/checklists/mutations/tick-checklist-items"),
  () => import("@/lib/checklists/mutations/create-template"),
  () => import("@/lib/checklists/mutations/save-template-item"),
  () => import("@/lib/checklists/mutations/delete-template-item"),
  () => import("@/lib/checklists/mutations/apply-template-to-slice"),
  () => import("@/lib/checklists/mutations/sync-template-to-slices"),
  () => import("@/lib/reports/mutations/save-report-notes"),
  () => import("@/lib/reports/mutations/close-report-week"),
  () => import("@/lib/reports/mutations/set-report-time-zone"),
];

/** Exports of those modules that are helpers, not mutations (a use case file exports only its use case). */
export const NOT_MUTATIONS = new Set<string>();

const csv = "name,team,kind\nmatrix-new,alpha,api\n";

export const MATRIX: Record<string, MatrixCase> = {
  // People and access
  createUser: { action: "people.manage", run: (m, a, f) => m.createUser(a, f.slug, { email: `new-${f.slug}@example.test`, name: "New", role: "viewer" }) },
  setMemberRole: { action: "people.manage", run: (m, a, f) => m.setMemberRole(a, f.slug, { userId: f.users.viewer.id, role: "lead" }) },
  removeMember: { action: "people.manage", run: (m, a, f) => m.removeMember(a, f.slug, { userId: f.users.viewer.id }) },
  addMember: { action: "people.manage", run: (m, a, f) => m.addMember(a, f.slug, { email: `added-${f.slug}@example.test`, name: "Added", role: "viewer" }) },
  // A sign-in link for a person of this programme only (who else may be given one: sign-in-links.int.test.ts).
  issueSignInLink: { action: "people.manage", run: (m, a, f) => m.issueSignInLink(a, f.slug, { userId: f.users.viewer.id }) },
  revokeSignInLink: { action: "people.manage", run: (m, a, f) => m.revokeSignInLink(a, f.slug, { linkId: f.signInLink.id }) },
  setMemberTeams: { action: "people.manage", run: (m, a, f) => m.setMemberTeams(a, f.slug, { userId: f.users.viewer.id, teamIds: [f.teamA.id], leadTeamIds: [] }) },
  // Tokens belong to people: anyone makes their own; nobody, a manager included, makes one for
  // another person (managers mint only for their programme's service accounts: impersonation.int.test.ts).
  createApiToken: {
    action: null,
    run: (m, a, f) => m.createApiToken(a, { email: f.users.leadOwn.email, name: "matrix" }),
    outcomes: { manager: "forbidden", leadOwn: "allowed", leadOther: "forbidden", viewer: "forbidden", outsider: "forbidden" },
  },
  // A programme page's token form: the same rule, and the programme must be visible.
  createProgrammeToken: {
    action: null,
    run: (m, a, f) => m.createProgrammeToken(a, f.slug, { name: "matrix", forUserId: f.users.leadOwn.id }),
    outcomes: { manager: "forbidden", leadOwn: "allowed", leadOther: "forbidden", viewer: "forbidden", outsider: "not_found" },
  },
  revokeApiToken: {
    action: null,
    run: (m, a, f) => m.revokeApiToken(a, { tokenId: f.token.id }),
    outcomes: { manager: "not_found", leadOwn: "allowed", leadOther: "not_found", viewer: "not_found", outsider: "not_found" },
  },
  // Programmes are made by deployment administrators only.
  createProgramme: {
    action: null,
    run: (m, a, f) => m.createProgramme(a, { name: `Matrix ${f.slug}`, slug: `m-${f.slug}` }),
    outcomes: { manager: "forbidden", leadOwn: "forbidden", leadOther: "forbidden", viewer: "forbidden", outsider: "forbidden" },
  },
  // Inventory
  createService: { action: "service.create", run: (m, a, f) => m.createService(a, f.slug, { name: "matrix-made", kind: "api", tier: 3, strategy: "rehost", team: "alpha" }) },
  updateService: {
    action: "service.edit",
    run: (m, a, f) => m.updateService(a, f.slug, { id: f.svcA.id, name: f.svcA.name, kind: "api", tier: 2, strategy: "rehost", team: "alpha" }),
  },
  deleteService: { action: "service.delete", run: (m, a, f) => m.deleteService(a, f.slug, { id: f.svcA3.id, confirmDependents: true }) },
  bulkEditServices: { action: "service.edit", run: (m, a, f) => m.bulkEditServices(a, f.slug, { ids: [f.svcA.id, f.svcA2.id], tier: 1 }) },
  addDependency: { action: "dependency.edit", run: (m, a, f) => m.addDependency(a, f.slug, { fromId: f.svcA.id, to: f.svcB.name, kind: "async" }) },
  retypeDependency: { action: "dependency.edit", run: (m, a, f) => m.retypeDependency(a, f.slug, { id: f.dependency.id, kind: "data" }) },
  removeDependency: { action: "dependency.edit", run: (m, a, f) => m.removeDependency(a, f.slug, { id: f.dependency.id }) },
  previewImport: { action: "inventory.import", run: (m, a, f) => m.previewImport(a, f.slug, { format: "csv", text: csv }) },
  importInventory: { action: "inventory.import", run: (m, a, f) => m.importInventory(a, f.slug, { format: "csv", text: csv }) },
  // Planning and waves
  applyPlan: { action: "plan.apply", run: (m, a, f) => m.applyPlan(a, f.slug, {}) },
  // An in-order move is a slice edit (leads, own team); a pin that breaks the order is checked inside as manager-only.
  moveSlice: { action: "slice.edit", run: (m, a, f) => m.moveSlice(a, f.slug, { sliceId: f.sliceA.id, toWave: 2, confirmBreak: true, reason: "matrix" }) },
  setWaveCadence: { action: "wave.edit", run: (m, a, f) => m.setWaveCadence(a, f.slug, { waveLengthWeeks: 2, wavesStartOn: "2026-03-02", dateUndated: true }) },
  updateWave: { action: "wave.edit", run: (m, a, f) => m.updateWave(a, f.slug, { number: 1, goal: "matrix goal" }) },
  mergeSlices: { action: "slice.merge", run: (m, a, f) => m.mergeSlices(a, f.slug, { sliceIds: [f.sliceA.id, f.sliceA2.id] }) },
  splitSlice: { action: "slice.merge", run: (m, a, f) => m.splitSlice(a, f.slug, { sliceId: f.sliceA.id, serviceIds: [f.svcA3.id], name: "alpha-split" }) },
  // The team and slice editors
  createTeam: { action: "team.manage", run: (m, a, f) => m.createTeam(a, f.slug, { name: "matrix-team", contactChannel: "#matrix" }) },
  // The contact channel is the team's own (its leads keep it); a rename is a manager's (team.manage, checked inside).
  updateTeam: { action: "team.edit", run: (m, a, f) => m.updateTeam(a, f.slug, { teamId: f.teamA.id, contactChannel: "#alpha-matrix" }) },
  setTeamPeople: { action: "team.manage", run: (m, a, f) => m.setTeamPeople(a, f.slug, { teamId: f.teamA.id, leadIds: [f.users.leadOwn.id], memberIds: [f.users.viewer.id] }) },
  createSlice: { action: "slice.create", run: (m, a, f) => m.createSlice(a, f.slug, { name: "matrix-slice", teamId: f.teamA.id, serviceIds: [f.svcFree.id], wave: 1 }) },
  renameSlice: { action: "slice.edit", run: (m, a, f) => m.renameSlice(a, f.slug, { sliceId: f.sliceA.id, name: "alpha-renamed" }) },
  changeSliceServices: { action: "slice.merge", run: (m, a, f) => m.changeSliceServices(a, f.slug, { sliceId: f.sliceA.id, addServiceIds: [f.svcFree.id], removeServiceIds: [f.svcA3.id] }) },
  updateRollbackPlan: { action: "slice.edit", run: (m, a, f) => m.updateRollbackPlan(a, f.slug, { sliceId: f.sliceA.id, rollbackPlan: "Weight back to 0." }) },
  recordRehearsal: {
    action: "slice.edit",
    run: async (m, a, f) => {
      await m.updateRollbackPlan(a, f.slug, { sliceId: f.sliceA.id, rollbackPlan: "Weight back to 0." });
      return m.recordRehearsal(a, f.slug, { sliceId: f.sliceA.id, notes: "matrix" });
    },
  },
  // The fixture's slices are not pinned: an allowed call ends in CONFLICT, after authorization.
  liftSlicePin: { action: "slice.pin", run: (m, a, f) => m.liftSlicePin(a, f.slug, { sliceId: f.sliceA.id }) },
  updateFacility: { action: "facility.manage", run: (m, a, f) => m.updateFacility(a, f.slug, { key: f.facility.key, status: "ready" }) },
  setWaveFacilities: { action: "facility.manage", run: (m, a, f) => m.setWaveFacilities(a, f.slug, { wave: 1, facilityKeys: [f.facility.key] }) },
  // Definition-of-done templates
  createTemplate: { action: "template.manage", run: (m, a, f) => m.createTemplate(a, f.slug, {}) },
  saveTemplateItem: {
    action: "template.manage",
    run: (m, a, f) => m.saveTemplateItem(a, f.slug, { templateId: f.template.id, title: "Matrix item", category: "migrated", appliesTo: "all", gateStage: null }),
  },
  deleteTemplateItem: { action: "template.manage", run: (m, a, f) => m.deleteTemplateItem(a, f.slug, { templateId: f.template.id, itemId: f.templateItem.id }) },
  applyTemplateToSlice: { action: "slice.edit", run: (m, a, f) => m.applyTemplateToSlice(a, f.slug, { templateId: f.template.id, sliceId: f.sliceA.id }) },
  syncTemplateToSlices: { action: "template.manage", run: (m, a, f) => m.syncTemplateToSlices(a, f.slug, { templateId: f.template.id }) },
  // The weekly report: the manager writes its notes and closes a week that has ended.
  saveReportNotes: { action: "report.notes", run: (m, a, f) => m.saveReportNotes(a, f.slug, { week: "2026-W01", notes: "Matrix notes", asks: "" }) },
  closeReportWeek: { action: "report.notes", run: (m, a, f) => m.closeReportWeek(a, f.slug, { week: "2026-W01" }) },
  setReportTimeZone: { action: "programme.edit", run: (m, a, f) => m.setReportTimeZone(a, f.slug, { timeZone: "Europe/Paris" }) },
  // Slices at work
  tickChecklistItem: { action: "checklist.tick", run: (m, a, f) => m.tickChecklistItem(a, f.slug, { sliceId: f.sliceA.id, itemId: f.item.id, state: "done" }) },
  tickChecklistItems: {
    action: "checklist.tick",
    run: (m, a, f) =>
      m.tickChecklistItems(a, f.slug, {
        ticks: [
          { sliceId: f.sliceA.id, itemId: f.item.id, state: "done" },
          { sliceId: f.sliceA.id, itemId: f.item2.id, state: "na", reason: "matrix" },
        ],
      }),
  },
  moveSliceStage: { action: "slice.move", run: (m, a, f) => m.moveSliceStage(a, f.slug, { sliceId: f.sliceA.id, to: "mirror" }) },
  readSliceRollout: {
    action: "rollout.read",
    run: (m, a, f) =>
      m.readSliceRollout(a, f.slug, {
        sliceId: f.sliceA.id,
        yaml: "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: alpha }\nspec:\n  http:\n    - route:\n        - destination: { host: alpha, subset: legacy }\n          weight: 100\n        - destination: { host: alpha, subset: k8s }\n          weight: 0\n",
      }),
  },
};
