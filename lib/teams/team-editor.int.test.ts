import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { createProgramme, createTeam, createUser } from "@/lib/seed/factories";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";

// The team editor: a lead keeps their own team's contact channel but cannot rename it or
// choose its people (belonging to a team is what lets a lead change what it owns); names are
// unique; everyone in a team is a member of the programme; each change is one event.
let t: TestDatabase;
let m: typeof import("./mutations/create-team") & typeof import("./mutations/update-team") & typeof import("./mutations/set-team-people");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign({}, await import("./mutations/create-team"), await import("./mutations/update-team"), await import("./mutations/set-team-people"));
});

const as = (u: { id: string; name: string }): Actor => ({ userId: u.id, name: u.name, isAdmin: false });
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
}

async function world() {
  const programme = await createProgramme(t.db, { slug: uniqueSlug("teams") });
  const manager = await createUser(t.db, { name: "Manager", membership: { programmeId: programme.id, role: "manager" } });
  const team = await createTeam(t.db, { programmeId: programme.id, name: "payments", contactChannel: "#pay" });
  const lead = await createUser(t.db, { name: "Lead", email: `${uniqueSlug("lead")}@example.test`, membership: { programmeId: programme.id, role: "lead", leadOf: [team.id] } });
  const viewer = await createUser(t.db, { name: "Viewer", email: `${uniqueSlug("viewer")}@example.test`, membership: { programmeId: programme.id, role: "viewer" } });
  return { programme, slug: programme.slug, manager, team, lead, viewer };
}
const events = (teamId: string) => t.db.event.findMany({ where: { entityType: "team", entityId: teamId }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });

describe("the team editor", () => {
  it("creates a team with a unique name", async () => {
    const w = await world();
    const made = await m.createTeam(as(w.manager), w.slug, { name: "search", contactChannel: "#search" });
    expect(await events(made.id)).toEqual([{ action: "team.created", before: null, after: { name: "search", contactChannel: "#search" } }]);
    expect(await outcome(() => m.createTeam(as(w.manager), w.slug, { name: "payments" }))).toBe('CONFLICT: There is already a team called "payments".');
  });

  it("lets the team's lead change its contact channel, not its name; the manager renames it", async () => {
    const w = await world();
    await m.updateTeam(as(w.lead), w.slug, { teamId: w.team.id, contactChannel: "#payments-team" });
    expect(await outcome(() => m.updateTeam(as(w.lead), w.slug, { teamId: w.team.id, name: "pay", contactChannel: "#payments-team" }))).toBe("FORBIDDEN: Only a programme manager can do that.");
    await m.updateTeam(as(w.manager), w.slug, { teamId: w.team.id, name: "payments-core", contactChannel: "#payments-team" });
    // Nothing changed: nothing written.
    await m.updateTeam(as(w.manager), w.slug, { teamId: w.team.id, name: "payments-core", contactChannel: "#payments-team" });
    expect(await events(w.team.id)).toEqual([
      { action: "team.updated", before: { contactChannel: "#pay" }, after: { contactChannel: "#payments-team" } },
      { action: "team.updated", before: { name: "payments" }, after: { name: "payments-core" } },
    ]);
    // An empty channel clears it.
    await m.updateTeam(as(w.manager), w.slug, { teamId: w.team.id });
    expect((await t.db.team.findUniqueOrThrow({ where: { id: w.team.id } })).contactChannel).toBeNull();
  });

  it("sets leads and members from the programme's members only, managers only", async () => {
    const w = await world();
    const stranger = await createUser(t.db, { name: "Stranger" });
    expect(await outcome(() => m.setTeamPeople(as(w.lead), w.slug, { teamId: w.team.id, leadIds: [w.lead.id, w.viewer.id], memberIds: [] }))).toBe("FORBIDDEN: Only a programme manager can do that.");
    expect(await outcome(() => m.setTeamPeople(as(w.manager), w.slug, { teamId: w.team.id, leadIds: [], memberIds: [stranger.id] }))).toMatch(/^INVALID: Everyone in a team must be a member of the programme/);
    await m.setTeamPeople(as(w.manager), w.slug, { teamId: w.team.id, leadIds: [w.viewer.id], memberIds: [w.lead.id, w.viewer.id] });
    const rows = await t.db.teamMember.findMany({ where: { teamId: w.team.id }, select: { userId: true, isLead: true } });
    expect(rows.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([{ userId: w.lead.id, isLead: false }, { userId: w.viewer.id, isLead: true }].sort((a, b) => a.userId.localeCompare(b.userId)));
    const last = (await events(w.team.id)).at(-1)!;
    expect(last.action).toBe("team.people_changed");
    expect(last.before).toEqual({ leads: [{ name: "Lead", email: w.lead.email }], members: [] });
    expect(last.after).toEqual({ leads: [{ name: "Viewer", email: w.viewer.email }], members: [{ name: "Lead", email: w.lead.email }] });
  });

  it("says NOT_FOUND for another programme's team", async () => {
    const w = await world();
    const other = await world();
    expect(await outcome(() => m.updateTeam(as(w.manager), w.slug, { teamId: other.team.id, contactChannel: "#x" }))).toBe("NOT_FOUND: Team was not found.");
  });
});
