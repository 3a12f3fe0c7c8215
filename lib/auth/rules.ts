/**
 * Who may do what: the one table every mutation's authorization reads. Pure, so the whole
 * matrix is unit-tested. Managers change everything in their programme; leads change only
 * what their teams own; viewers read.
 */
import type { Role } from "@/lib/generated/prisma/enums";

/** Everything a mutation can ask permission for. Scoped actions need the target's owner teams. */
export const ACTIONS = {
  "programme.read": { scoped: false, roles: ["manager", "lead", "viewer"] },
  "programme.edit": { scoped: false, roles: ["manager"] },
  "people.manage": { scoped: false, roles: ["manager"] },
  "template.manage": { scoped: false, roles: ["manager"] },
  "facility.manage": { scoped: false, roles: ["manager"] },
  "plan.apply": { scoped: false, roles: ["manager"] },
  "wave.edit": { scoped: false, roles: ["manager"] },
  "inventory.import": { scoped: false, roles: ["manager"] },
  "team.manage": { scoped: false, roles: ["manager"] },
  /** A team's own details its leads keep up to date (the contact channel); name and people stay team.manage. */
  "team.edit": { scoped: true, roles: ["manager", "lead"] },
  /** Pinning a slice to a wave, or lifting the pin: the plan's input, the manager's. */
  "slice.pin": { scoped: false, roles: ["manager"] },
  "report.notes": { scoped: false, roles: ["manager"] },
  "service.create": { scoped: false, roles: ["manager"] },
  "service.delete": { scoped: false, roles: ["manager"] },
  "slice.create": { scoped: false, roles: ["manager"] },
  "slice.merge": { scoped: false, roles: ["manager"] },
  "stage.skip": { scoped: false, roles: ["manager"] },
  "service.edit": { scoped: true, roles: ["manager", "lead"] },
  "dependency.edit": { scoped: true, roles: ["manager", "lead"] },
  "slice.edit": { scoped: true, roles: ["manager", "lead"] },
  "slice.move": { scoped: true, roles: ["manager", "lead"] },
  "checklist.tick": { scoped: true, roles: ["manager", "lead"] },
  "rollout.read": { scoped: true, roles: ["manager", "lead"] },
} as const satisfies Record<string, { scoped: boolean; roles: readonly Role[] }>;

export type Action = keyof typeof ACTIONS;

export type Decision = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether `role` may perform `action`. For scoped actions a lead must belong to every team in
 * `ownerTeamIds`: the target's owners and, for a change of owner, the new one. `null` there
 * is "no team", which is no lead's: a target without an owner team is a manager's to change,
 * and a lead cannot leave one of theirs without an owner (disowning it) either.
 */
export function can(role: Role, action: Action, scope: { memberTeamIds?: readonly string[]; ownerTeamIds?: readonly (string | null)[] } = {}): Decision {
  const rule = ACTIONS[action];
  if (!(rule.roles as readonly Role[]).includes(role)) {
    return { allowed: false, reason: role === "viewer" ? "Viewers can read but not change anything." : "Only a programme manager can do that." };
  }
  if (!rule.scoped || role === "manager") return { allowed: true };
  const owners = scope.ownerTeamIds ?? [];
  const mine = new Set(scope.memberTeamIds ?? []);
  if (owners.length > 0 && owners.every((t) => t !== null && mine.has(t))) return { allowed: true };
  if (owners.length > 0 && owners.includes(null) && owners.some((t) => t !== null && mine.has(t))) {
    return { allowed: false, reason: "Team leads cannot leave what their teams own without an owner team, nor take what no team owns; ask a programme manager." };
  }
  return { allowed: false, reason: "Team leads can change only what their own teams own." };
}
