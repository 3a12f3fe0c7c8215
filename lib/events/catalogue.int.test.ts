import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { buildFixture, ROLES, type Fixture } from "@/lib/auth/matrix/fixture";
import { MATRIX, MUTATION_MODULES, type Mutations } from "@/lib/auth/matrix/table";
import { isAppError } from "@/lib/errors";
import { seedDemoProgramme, seedLargeProgramme, type LargeSize } from "@/lib/seed";
import { createProgramme } from "@/lib/seed/factories";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { EVENT_ACTIONS, parseEvent } from "./catalogue";

// Every event the seeds and the live mutations write, read back from PostgreSQL through the
// catalogue: the writers and the schemas must agree exactly (strict objects, no extra keys).
let t: TestDatabase;
let m: Mutations;
const ADMIN: Actor = { userId: null, name: "admin token", isAdmin: true };
const TINY: LargeSize = { services: 60, dependencies: 120, slices: 20, waves: 4, checklistItems: 700, events: 2500, teams: 5 };

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  m = Object.assign({}, ...(await Promise.all(MUTATION_MODULES.map((load) => load()))));
});

/** Every event of the given programmes (all of them when none is named) that the catalogue cannot read. */
async function unreadable(programmeIds?: string[]) {
  const events = await t.db.event.findMany({ where: programmeIds ? { programmeId: { in: programmeIds } } : {}, orderBy: { id: "asc" } });
  const failures = events.flatMap((e) => {
    const parsed = parseEvent(e);
    return parsed.ok ? [] : [{ id: e.id, action: e.action, before: e.before, after: e.after, problems: parsed.problems }];
  });
  return { events, failures };
}

/** Runs a mutation, taking an expected refusal (a gate, a conflict) as an outcome, not a failure. */
async function attempt(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const idOf = async (slug: string) => (await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

describe("the seeds write events the catalogue reads", () => {
  it("the demo seed", async () => {
    const slug = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug });
    const { events, failures } = await unreadable([await idOf(slug)]);
    expect(events.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(["programme.created", "slice.status_changed", "slice.stage_moved", "slice.rolled_back", "checklist_item.ticked"]));
  });

  it("the large seed", async () => {
    const slug = uniqueSlug("large");
    await seedLargeProgramme(t.db, TINY, { slug });
    const { events, failures } = await unreadable([await idOf(slug)]);
    expect(events).toHaveLength(TINY.events);
    expect(failures).toEqual([]);
  });
});

describe("the live mutations write events the catalogue reads", () => {
  it("every mutation of the authorization matrix, as a role it allows", async () => {
    for (const [name, c] of Object.entries(MATRIX)) {
      const f = await buildFixture(t.db);
      const roles = c.outcomes ? ROLES.filter((r) => c.outcomes![r] === "allowed") : ["manager" as const];
      const actor = name === "createProgramme" ? ADMIN : f.actors[roles[0]];
      // A refusal after authorization (the fixture already has the default template) writes nothing: fine here.
      expect(await attempt(() => c.run(m, actor, f)), name).not.toMatch(/FORBIDDEN|NOT_FOUND/);
    }
  });

  it("a slice's journey: bulk and single ticks, advance, skip, done, reopened, rolled back", async () => {
    const f: Fixture = await buildFixture(t.db);
    const manager = f.actors.manager;
    const items = await t.db.checklistItem.findMany({ where: { sliceId: f.sliceA.id }, select: { id: true, category: true } });
    const ticks = items.map((i, n) => ({ sliceId: f.sliceA.id, itemId: i.id, state: n % 5 === 0 ? ("na" as const) : ("done" as const), ...(n % 5 === 0 ? { reason: "not here" } : { evidenceUrl: "https://ci.example/1" }) }));
    expect(await attempt(() => m.tickChecklistItems(manager, f.slug, { ticks }))).toBe("ok");
    const move = (to: string, extra: object = {}) => attempt(() => m.moveSliceStage(manager, f.slug, { sliceId: f.sliceA.id, to, ...extra }));
    expect(await move("mirror")).toBe("ok");
    expect(await move("10", { reason: "internal traffic only" })).toBe("ok");
    expect(await move("100", { reason: "proven at 10%" })).toBe("ok");
    const retired = items.find((i) => i.category === "retired")!;
    expect(await attempt(() => m.tickChecklistItem(manager, f.slug, { sliceId: f.sliceA.id, itemId: retired.id, state: "open" }))).toBe("ok");
    expect(await move("50", { reason: "5xx above 2%", signal: "error_rate", observed: "5.2% 5xx" })).toBe("ok");
    const actions = (await t.db.event.findMany({ where: { programmeId: f.programme.id }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["checklist_item.ticked", "slice.stage_moved", "slice.status_changed", "slice.rolled_back"]));
  });

  it("facilities, template items and programmes, each way they are written", async () => {
    const f = await buildFixture(t.db);
    const manager = f.actors.manager;
    expect(await attempt(() => m.updateFacility(manager, f.slug, { key: f.facility.key, status: "in_progress" }))).toBe("ok");
    expect(await attempt(() => m.updateFacility(manager, f.slug, { key: f.facility.key, status: "in_progress", notes: "half way" }))).toBe("ok");
    const edit = { templateId: f.template.id, itemId: f.templateItem.id, title: "Edited", category: "migrated", appliesTo: "all", gateStage: "mirror" } as const;
    expect(await attempt(() => m.saveTemplateItem(manager, f.slug, edit))).toBe("ok");
    expect(await attempt(() => m.createProgramme(ADMIN, { name: "Catalogued", targetDate: "2027-01-31" }))).toBe("ok");
  });

  it("a backup restored into an empty programme, and imported again into a busy one", async () => {
    const source = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug: source });
    const { getProgrammeExport } = await import("@/lib/inventory/queries/export-programme");
    const { text } = await getProgrammeExport(ADMIN, source);
    const target = uniqueSlug("restored");
    await createProgramme(t.db, { slug: target });
    expect(await attempt(() => m.importInventory(ADMIN, target, { format: "ferry", text }))).toBe("ok");
    const changed = text
      .replace(/"goal": "[^"]*"/, '"goal": "Changed on the way"')
      .replace(/"rollbackPlan": "[^"]*"/, '"rollbackPlan": "Changed on the way"')
      .replace(/"state": "done"/, '"state": "open"');
    expect(await attempt(() => m.importInventory(ADMIN, target, { format: "ferry", text: changed }))).toBe("ok");
    const actions = new Set((await t.db.event.findMany({ where: { programmeId: await idOf(target) }, select: { action: true } })).map((e) => e.action));
    for (const a of ["programme.restored", "inventory.imported", "facility.created", "wave.created", "wave.updated", "slice.created", "slice.updated", "checklist_item.updated", "checklist_template.created", "checklist_item.created", "team.created", "service.created", "dependency.created"]) {
      expect(actions, a).toContain(a);
    }
  });

  it("refuses a backup whose history holds events the catalogue lacks, naming each, and writes nothing", async () => {
    const source = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug: source });
    const { getProgrammeExport } = await import("@/lib/inventory/queries/export-programme");
    const doc = JSON.parse((await getProgrammeExport(ADMIN, source)).text);
    doc.history[1] = { ...doc.history[1], action: "slice.nudged" };
    const tick = doc.history.findIndex((e: { action: string }) => e.action === "checklist_item.ticked");
    doc.history[tick] = { ...doc.history[tick], after: { state: "done" } };
    const target = uniqueSlug("refused");
    const p = await createProgramme(t.db, { slug: target });
    const error = await m.importInventory(ADMIN, target, { format: "ferry", text: JSON.stringify(doc) }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("INVALID");
    expect(isAppError(error) && error.message).toMatch(/^2 events of the history are not events Ferry records/);
    expect(isAppError(error) && error.details).toEqual(
      expect.arrayContaining([
        { path: "history[1].action", message: 'Unknown event action "slice.nudged"' },
        expect.objectContaining({ path: `history[${tick}].after.title` }),
      ]),
    );
    expect(await t.db.event.count({ where: { programmeId: p.id } })).toBe(0);
    expect(await t.db.service.count({ where: { programmeId: p.id } })).toBe(0);
  });

  it("teams an import updates and removes", async () => {
    const p = await createProgramme(t.db, { slug: uniqueSlug("teams") });
    await t.db.team.createMany({ data: [{ programmeId: p.id, name: "gamma", contactChannel: "#g" }, { programmeId: p.id, name: "delta" }] });
    const text = JSON.stringify({ format: "ferry", version: 1, programme: { name: p.name, slug: p.slug, environments: ["prod"] }, teams: [{ name: "delta", contactChannel: "#d" }] });
    expect(await attempt(() => m.importInventory(ADMIN, p.slug, { format: "ferry", text, confirmRemovals: true }))).toBe("ok");
    const actions = (await t.db.event.findMany({ where: { programmeId: p.id }, select: { action: true } })).map((e) => e.action).sort();
    expect(actions).toEqual(["inventory.imported", "programme.updated", "team.deleted", "team.updated"]);
  });

  it("the first administrator's setup", async () => {
    const setup = await import("@/lib/auth/setup-code");
    const { setupAction } = await import("@/lib/auth/actions");
    // This file's own database: the deployment-wide setup may be reset here.
    await t.db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
    await t.db.setupState.deleteMany();
    const form = new FormData();
    const fields = { name: "Ada", email: `${uniqueSlug("setup")}@example.test`, password: "a-long-password", code: (await setup.ensureSetupCode(t.db, undefined))!.code };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    await setupAction(null, form);
    expect(await t.db.event.count({ where: { action: "user.created_as_administrator" } })).toBe(1);
  });

  it("sign-in links used, password resets and lifted pins, which the matrix's fixture does not reach", async () => {
    const f = await buildFixture(t.db);
    const manager = f.actors.manager;
    const { setPassword } = await import("@/lib/auth/credentials");
    const { acceptSignInLink } = await import("@/lib/auth/mutations/accept-sign-in-link");
    await setPassword(t.db, f.users.viewer.id, "the-old-password");
    const link = await m.issueSignInLink(manager, f.slug, { userId: f.users.viewer.id });
    const token = new URL((link as { url: string }).url).searchParams.get("token")!;
    expect(await attempt(() => acceptSignInLink({ token, password: "a-new-password", passwordAgain: "a-new-password" }, { address: `catalogue-${f.slug}` }))).toBe("ok");
    await t.db.slice.update({ where: { id: f.sliceA.id }, data: { pinnedWave: 1, pinReason: "catalogue" } });
    expect(await attempt(() => m.liftSlicePin(manager, f.slug, { sliceId: f.sliceA.id }))).toBe("ok");
  });

  it("leaves nothing in the database the catalogue cannot read, and reaches every action but the SSO sign-in's", async () => {
    const { events, failures } = await unreadable();
    expect(failures).toEqual([]);
    const seen = new Set(events.map((e) => e.action));
    // Written by a first SSO sign-in, which needs an identity provider.
    expect(EVENT_ACTIONS.filter((a) => !seen.has(a)).sort()).toEqual(NOT_REACHED);
  });
});

const NOT_REACHED = ["user.created_by_sso"];
