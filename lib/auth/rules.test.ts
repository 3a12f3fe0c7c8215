import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "./rules";

const actions = Object.keys(ACTIONS) as Action[];

describe("can", () => {
  it("lets a manager do everything, owned or not", () => {
    for (const a of actions) expect(can("manager", a, { ownerTeamIds: ["other"] }).allowed, a).toBe(true);
  });

  it("lets a viewer only read", () => {
    for (const a of actions) expect(can("viewer", a, { memberTeamIds: ["t"], ownerTeamIds: ["t"] }).allowed, a).toBe(a === "programme.read");
  });

  it.each(actions.filter((a) => ACTIONS[a].scoped))("lets a lead %s only what their teams own", (a) => {
    expect(can("lead", a, { memberTeamIds: ["t1", "t2"], ownerTeamIds: ["t2"] }).allowed).toBe(true);
    expect(can("lead", a, { memberTeamIds: ["t1"], ownerTeamIds: ["t2"] }).allowed).toBe(false);
    // A target owned by several teams needs them all: moving a shared slice is not one team's call.
    expect(can("lead", a, { memberTeamIds: ["t1"], ownerTeamIds: ["t1", "t2"] }).allowed).toBe(false);
    expect(can("lead", a, { memberTeamIds: ["t1"], ownerTeamIds: [null] }).allowed).toBe(false);
    // "No team" is nobody's: a lead can neither disown a target of theirs nor claim an unowned one.
    expect(can("lead", a, { memberTeamIds: ["t1"], ownerTeamIds: ["t1", null] }).allowed).toBe(false);
    expect(can("lead", a, { memberTeamIds: ["t1"], ownerTeamIds: [null, "t1"] }).allowed).toBe(false);
    expect(can("lead", a, { memberTeamIds: [], ownerTeamIds: ["t1"] }).allowed).toBe(false);
  });

  it.each(actions.filter((a) => !ACTIONS[a].scoped && a !== "programme.read"))("keeps %s for managers", (a) => {
    const d = can("lead", a, { memberTeamIds: ["t"], ownerTeamIds: ["t"] });
    expect(d).toEqual({ allowed: false, reason: "Only a programme manager can do that." });
  });
});
