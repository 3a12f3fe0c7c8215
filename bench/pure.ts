/** Benchmarks of pure domain code: no database, no server. */
import { completeService, type Inventory } from "../lib/inventory/model";
import { diffInventory } from "../lib/inventory/diff";
import { timeRuns } from "./measure";

/** The inventory diff behind every import preview, on 5,000 services and 15,000 dependencies. */
export async function benchInventoryDiff() {
  const n = 5000;
  const name = (i: number) => `svc-${i}`;
  const estate = (tierOf: (i: number) => number): Inventory => ({
    teams: Array.from({ length: 50 }, (_, t) => ({ name: `team-${t}`, contactChannel: null })),
    services: Array.from({ length: n }, (_, i) => completeService({ name: name(i), team: `team-${i % 50}`, tier: tierOf(i), tags: ["x", "y"] })),
    dependencies: Array.from({ length: 3 * n }, (_, k) => ({ from: name(Math.floor(k / 3)), to: name((Math.floor(k / 3) + 1 + (k % 3)) % n), kind: "sync" as const })),
  });
  const current = estate(() => 3);
  const incoming = estate((i) => (i % 10 === 0 ? 1 : 3));
  return { name: "inventory_diff", services: n, dependencies: 3 * n, ...(await timeRuns(9, async () => void diffInventory(current, incoming))) };
}
