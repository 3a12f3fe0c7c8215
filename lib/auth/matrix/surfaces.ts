/**
 * Every public way in that changes data (a REST route method, a server action) and the
 * mutation it goes through; the mutations are what the authorization matrix exercises.
 * `null` marks the sign-in surfaces, which act before there is an actor.
 */
export const ROUTE_MUTATIONS: Record<string, string[]> = {
  "post /api/v1/programmes": ["createProgramme"],
  "post /api/v1/users": ["createUser"],
  "post /api/v1/tokens": ["createApiToken"],
  "post /api/v1/programmes/{slug}/import": ["previewImport", "importInventory"],
  "post /api/v1/programmes/{slug}/plan": ["applyPlan"],
  "patch /api/v1/programmes/{slug}/slices/{id}/checklist/{itemId}": ["tickChecklistItem"],
  "post /api/v1/programmes/{slug}/checklist/ticks": ["tickChecklistItems"],
  "post /api/v1/programmes/{slug}/slices/{id}/stage": ["moveSliceStage"],
  "post /api/v1/programmes/{slug}/slices/{id}/rollout": ["readSliceRollout"],
  // The import page uploads files larger than a server action takes (session-checked routes).
  "post /p/{programme}/import/preview": ["previewImport"],
  "post /p/{programme}/import/apply": ["importInventory"],
  // Unknown /api/v1 paths: the JSON 404 for every method, changing nothing.
  "post /api/v1/[...rest]": [],
  "put /api/v1/[...rest]": [],
  "patch /api/v1/[...rest]": [],
  "delete /api/v1/[...rest]": [],
  // Unknown paths under /api outside v1: the same JSON 404.
  "post /api/[[...rest]]": [],
  "put /api/[[...rest]]": [],
  "patch /api/[[...rest]]": [],
  "delete /api/[[...rest]]": [],
};

export const ACTION_MUTATIONS: Record<string, string[] | null> = {
  signInAction: null,
  ssoSignInAction: null,
  signOutAction: null,
  setupAction: null,
  createProgrammeAction: ["createProgramme"],
  createTokenAction: ["createProgrammeToken"],
  revokeTokenAction: ["revokeApiToken"],
  addMemberAction: ["addMember"],
  issueSignInLinkAction: ["issueSignInLink"],
  revokeSignInLinkAction: ["revokeSignInLink"],
  // Authorised by the link's token, before there is an actor: lib/auth/sign-in-links.int.test.ts.
  acceptSignInLinkAction: null,
  setRoleAction: ["setMemberRole"],
  removeMemberAction: ["removeMember"],
  setTeamsAction: ["setMemberTeams"],
  createServiceAction: ["createService"],
  updateServiceAction: ["updateService"],
  deleteServiceAction: ["deleteService"],
  bulkEditServicesAction: ["bulkEditServices"],
  addDependencyAction: ["addDependency"],
  retypeDependencyAction: ["retypeDependency"],
  removeDependencyAction: ["removeDependency"],
  moveSliceAction: ["moveSlice"],
  applyPlanAction: ["applyPlan"],
  updateWaveAction: ["updateWave"],
  mergeSlicesAction: ["mergeSlices"],
  splitSliceAction: ["splitSlice"],
  updateFacilityAction: ["updateFacility"],
  setWaveFacilitiesAction: ["setWaveFacilities"],
  tickChecklistItemAction: ["tickChecklistItem"],
  moveSliceStageAction: ["moveSliceStage"],
  readSliceRolloutAction: ["readSliceRollout"],
  createTemplateAction: ["createTemplate"],
  saveTemplateItemAction: ["saveTemplateItem"],
  deleteTemplateItemAction: ["deleteTemplateItem"],
  applyTemplateAction: ["applyTemplateToSlice"],
  syncTemplateAction: ["syncTemplateToSlices"],
  saveReportNotesAction: ["saveReportNotes"],
  closeReportWeekAction: ["closeReportWeek"],
};
