// The seeds and the factories they share with the tests and the benchmarks.
export { seedDemoProgramme, type SeedDemoOptions, type SeedSummary } from "./demo";
export { seedLargeProgramme, LARGE, type LargeSize, type LargeSummary, type SeedLargeOptions } from "./large";
export {
  addMembership,
  applyChecklist,
  checklistItemRow,
  createDefaultTemplate,
  createDependency,
  createFacility,
  createProgramme,
  createService,
  createSlice,
  createTeam,
  createUser,
  createWave,
  type Client,
} from "./factories";
