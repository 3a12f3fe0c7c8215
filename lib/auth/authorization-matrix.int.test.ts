import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { can } from "./rules";
import { buildFixture, ROLES, type Fixture, type MatrixRole } from "./matrix/fixture";
import { MATRIX, MUTATION_MODULES, NOT_MUTATIONS, type MatrixCase, type Mutations, type Outcome } from "./matrix/table";

// Every mutation × every role (manager, lead of the owning team, lead of another team, viewer,
// member of another programme), each on a real database. Refusals must write nothing.
let t: TestDatabase;
let mutations: Mutations;

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  mutations = Object.assign({}, ...(await Promise.all(MUTATION_MODULES.map((load) => load()))));
  for (const name of Object.keys(mutations)) if (typeof mutations[name] !== "function" || NOT_MUTATIONS.has(name)) delete mutations[name];
});

const ROLE_OF: Record<Exclude<MatrixRole, "outsider">, { role: "manager" | "lead" | "viewer"; team: "A" | "B" | null }> = {
  manager: { role: "manager", team: null },
  leadOwn: { role: "lead", team: "A" },
  leadOther: { role: "lead", team: "B" },
  viewer: { role: "viewer", team: null },
};

/** What the permission table says should happen. */
function expected(c: MatrixCase, role: MatrixRole, f: Fixture): Outcome {
  if (c.outcomes) return c.outcomes[role];
  if (role === "outsider") return "not_found";
  const { role: r, team } = ROLE_OF[role];
  const memberTeamIds = team === "A" ? [f.teamA.id] : team === "B" ? [f.teamB.id] : [];
  return can(r, c.action!, { memberTeamIds, ownerTeamIds: [f.teamA.id] }).allowed ? "allowed" : "forbidden";
}

async function outcomeOf(run: () => Promise<unknown>): Promise<{ outcome: Outcome; detail: string }> {
  try {
    await run();
    return { outcome: "allowed", detail: "ok" };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return { outcome: "forbidden", detail: error.message };
    if (isAppError(error) && error.code === "NOT_FOUND") return { outcome: "not_found", detail: error.message };
    // Any other expected refusal (a gate, a conflict, invalid data) came after authorization passed.
    if (isAppError(error)) return { outcome: "allowed", detail: `${error.code}: ${error.message}` };
    throw error;
  }
}

// Mutations that act outside the fixture's programme: making a programme acts in the new one.
const ACTS_ELSEWHERE = new Set(["createProgramme"]);

/** An allowed call records its events on the programme it acted in, never on another one. */
async function expectEventsInOwnProgramme(name: string, role: MatrixRole, requestId: string, f: Fixture): Promise<void> {
  const events = await t.db.event.findMany({ where: { requestId }, select: { action: true, programmeId: true } });
  for (const e of events) {
    if (ACTS_ELSEWHERE.has(name)) expect(e.programmeId, `${name} as ${role}: ${e.action}`).not.toBe(f.other.id);
    else expect(e.programmeId, `${name} as ${role}: ${e.action} landed on another programme`).toBe(f.programme.id);
  }
}

describe("authorization matrix", () => {
  it("has an entry for every exported mutation, and no entry without a mutation", () => {
    expect(Object.keys(mutations).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [name, c] of Object.entries(MATRIX)) {
    it(`${name}: each role gets what the permission table says, and refusals write nothing`, async () => {
      const shared = await buildFixture(t.db);
      const results: Record<string, string> = {};
      const wanted: Record<string, Outcome> = {};
      for (const role of ROLES) {
        const want = expected(c, role, shared);
        wanted[role] = want;
        // Allowed calls write, so each gets a world of its own; refused ones share one.
        const f = want === "allowed" ? await buildFixture(t.db) : shared;
        const before = await t.db.event.count();
        const requestId = randomUUID();
        const got = await outcomeOf(() => c.run(mutations, { ...f.actors[role], requestId }, f));
        results[role] = got.outcome;
        if (got.outcome !== "allowed") expect(await t.db.event.count(), `${name} as ${role} refused but wrote an event`).toBe(before);
        else await expectEventsInOwnProgramme(name, role, requestId, f);
        if (got.outcome !== want) results[role] += ` (${got.detail})`;
      }
      expect(results).toEqual(wanted);
    });
  }
});
