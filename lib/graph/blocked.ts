/**
 * Blocked edges: a dependency carries a wait when the slice ordered after it waits on the
 * slice ordered before it, by the planner's rule (lib/planning/blocking): both in a wave,
 * neither live yet, the one it follows in an earlier wave. Which end moves first is the
 * planner's too: the dependency first, except an application's use of shared
 * infrastructure, which moves after its users.
 */
import { dependentMovesFirst } from "@/lib/planning/ordering";
import { isWaitingOn } from "@/lib/planning/blocking";
import { isInfrastructure, type ServiceKind, type SliceStatus } from "@/lib/planning/types";

export type BlockingNode = { name: string; kind: ServiceKind; shared: boolean; slice: string | null; wave: number | null; status: SliceStatus | null };

/** For each dependency (`from` depends on `to`, by name), whether it is blocked. Unknown names are never blocked. */
export function blockedDependencies(nodes: readonly BlockingNode[], dependencies: readonly { from: string; to: string }[]): boolean[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  return dependencies.map(({ from, to }) => {
    const a = byName.get(from);
    const b = byName.get(to);
    if (!a || !b || a.slice === null || b.slice === null || a.slice === b.slice) return false;
    const [before, after] = dependentMovesFirst(isInfrastructure(a), isInfrastructure(b)) ? [a, b] : [b, a];
    if (before.wave === null || after.wave === null || before.status === null || after.status === null) return false;
    return isWaitingOn({ wave: after.wave, status: after.status }, { wave: before.wave, status: before.status });
  });
}
