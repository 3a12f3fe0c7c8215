/** Display words for inventory values, shared by the services pages. */
export const strategyLabel: Record<string, string> = { rehost: "Rehost", replatform: "Replatform", refactor: "Refactor", retire: "Retire", retain: "Retain" };
export const tierLabel = (tier: number) => `Tier ${tier}`;
export const dependencyKindLabel: Record<string, string> = { sync: "sync (calls it)", async: "async (messages)", data: "data (uses its data)" };
