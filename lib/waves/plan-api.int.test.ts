import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme, createService, seedDemoProgramme } from "@/lib/seed";
import { ADMIN_TOKEN, call, smallProgramme, userWithRole } from "./test-helpers";

// POST /plan and GET /waves called as Next calls them, on a real database.
let t: TestDatabase;
let plan: typeof import("@/app/api/v1/programmes/[slug]/plan/route");
let waves: typeof import("@/app/api/v1/programmes/[slug]/waves/route");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN_TOKEN;
  plan = await import("@/app/api/v1/programmes/[slug]/plan/route");
  waves = await import("@/app/api/v1/programmes/[slug]/waves/route");
});

/** Everything a plan could write, to prove a request wrote nothing. */
async function snapshot(programmeId: string) {
  const [slices, services, waveRows, events] = await Promise.all([
    t.db.slice.findMany({ where: { programmeId }, select: { id: true, waveId: true, version: true }, orderBy: { id: "asc" } }),
    t.db.service.findMany({ where: { programmeId }, select: { id: true, sliceId: true }, orderBy: { id: "asc" } }),
    t.db.wave.count({ where: { programmeId } }),
    t.db.event.count({ where: { programmeId } }),
  ]);
  return { slices, services, waves: waveRows, events };
}

const placements = (body: { waves: { number: number; slices: { name: string }[] }[] }) => body.waves.map((w) => [w.number, w.slices.map((s) => s.name)]);

describe("POST /programmes/{slug}/plan", () => {
  it("previews the plan with reasons, cycles and the critical path, and writes nothing", async () => {
    const p = await smallProgramme(t.db);
    const before = await snapshot(p.programme.id);
    const res = await call(plan.POST, { slug: p.programme.slug }, { body: {} });
    expect(res.status).toBe(200);
    expect(placements(res.json)).toEqual([[1, ["Leaf"]], [2, ["api"]], [3, ["Web"]], [4, ["db"]]]);
    const api = res.json.waves[1].slices[0];
    expect(api).toEqual({ id: "new:api", name: "api", team: "pay", services: ["api"], reason: "after leaf (wave 1), which it depends on" });
    expect(res.json.cycles).toEqual([]);
    expect(res.json.criticalPath).toEqual(["leaf", "api", "web", "db"]);
    expect(Object.keys(res.json).sort()).toEqual(["criticalPath", "cycles", "violations", "waves"]);
    expect(await snapshot(p.programme.id)).toEqual(before);
  });

  it("groups the demo estate's cycle and reports its unready facilities", async () => {
    const slug = uniqueSlug("demo-plan");
    await seedDemoProgramme(t.db, { slug });
    const res = await call(plan.POST, { slug }, { body: { apply: false } });
    expect(res.status).toBe(200);
    expect(res.json.cycles).toEqual([["inventory-api", "orders-api"]]);
    expect(res.json.violations.filter((v: { kind: string }) => v.kind === "facility").length).toBeGreaterThan(0);
    const orders = res.json.waves.flatMap((w: { slices: { name: string; services: string[] }[] }) => w.slices).find((s: { name: string }) => s.name === "Orders core");
    expect(orders.services).toEqual(["inventory-api", "orders-api"]);
  });

  it.each([
    ["unknown options", { apply: false, colour: "red" }],
    ["a capacity of 0", { capacityPerTeam: 0 }],
    ["a negative capacity", { capacityPerTeam: -2 }],
    ["a fractional capacity", { capacityPerTeam: 1.5 }],
    ["apply that is not a boolean", { apply: "yes" }],
    ["malformed JSON", "{apply:"],
  ])("rejects %s with 400 INVALID and writes nothing", async (_label, body) => {
    const p = await smallProgramme(t.db);
    const before = await snapshot(p.programme.id);
    const res = await call(plan.POST, { slug: p.programme.slug }, { body: typeof body === "string" ? body : { ...body, apply: (body as { apply?: unknown }).apply ?? true } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("INVALID");
    expect(await snapshot(p.programme.id)).toEqual(before);
  });

  it("answers an empty programme with an empty plan, previewed or applied", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("empty") });
    const empty = { waves: [], cycles: [], violations: [], criticalPath: [] };
    expect(await call(plan.POST, { slug: programme.slug }, { body: {} })).toEqual({ status: 200, json: empty });
    expect(await call(plan.POST, { slug: programme.slug }, { body: { apply: true } })).toEqual({ status: 200, json: empty });
    expect(await call(waves.GET, { slug: programme.slug }, { method: "GET" })).toEqual({ status: 200, json: empty });
  });

  it("applies the plan in one transaction with its events, and the stored waves then match it", async () => {
    const p = await smallProgramme(t.db);
    const res = await call(plan.POST, { slug: p.programme.slug }, { body: { apply: true } });
    expect(res.status).toBe(200);
    expect(res.json.waves.flatMap((w: { slices: { id: string }[] }) => w.slices).some((s: { id: string }) => s.id.startsWith("new:"))).toBe(false);
    const stored = await call(waves.GET, { slug: p.programme.slug }, { method: "GET" });
    expect(stored.status).toBe(200);
    expect(placements(stored.json)).toEqual([[1, ["Leaf"]], [2, ["api"]], [3, ["Web"]], [4, ["db"]]]);
    expect(stored.json.waves.map((w: { slices: { id: string }[] }) => w.slices.map((s) => s.id))).toEqual(res.json.waves.map((w: { slices: { id: string }[] }) => w.slices.map((s) => s.id)));
    expect(stored.json.violations).toEqual([]);
    const api = await t.db.slice.findFirstOrThrow({ where: { programmeId: p.programme.id, name: "api" }, include: { services: true, team: true, wave: true } });
    expect([api.team.name, api.wave?.number, api.services.map((s) => s.name)]).toEqual(["pay", 2, ["api"]]);
    const events = await t.db.event.findMany({ where: { programmeId: p.programme.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action).sort()).toEqual(["programme.plan_applied", "slice.created", "slice.created", "slice.wave_changed", "wave.created", "wave.created", "wave.created"]);
    const moved = events.find((e) => e.action === "slice.wave_changed")!;
    expect([moved.entityId, moved.before, moved.after]).toEqual([p.slices.web.id, { wave: 1, pinnedWave: null, pinReason: null }, { wave: 3, pinnedWave: null, pinReason: null, reason: "plan applied" }]);
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: p.slices.web.id } })).version).toBe(1);
  });

  it("serialises concurrent applies: the second plans from the first one's result", async () => {
    const p = await smallProgramme(t.db);
    const results = await Promise.all([1, 2].map(() => call(plan.POST, { slug: p.programme.slug }, { body: { apply: true } })));
    for (const r of results) expect([200, 409]).toContain(r.status);
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    // Never a mix: one set of new slices and waves, and every answer equals what is stored.
    expect(await t.db.slice.count({ where: { programmeId: p.programme.id } })).toBe(4);
    expect(await t.db.wave.count({ where: { programmeId: p.programme.id } })).toBe(4);
    const stored = await call(waves.GET, { slug: p.programme.slug }, { method: "GET" });
    for (const r of ok) expect(placements(r.json)).toEqual(placements(stored.json));
    const applied = await t.db.event.findMany({ where: { programmeId: p.programme.id, action: "programme.plan_applied" }, orderBy: { id: "asc" } });
    expect(applied.map((e) => (e.after as { created: number }).created)).toEqual(ok.length === 2 ? [2, 0] : [2]);
  });

  it("refuses to apply while a proposed slice would have no owner team, writing nothing", async () => {
    const p = await smallProgramme(t.db);
    await createService(t.db, { programmeId: p.programme.id, name: "orphan" });
    const before = await snapshot(p.programme.id);
    const res = await call(plan.POST, { slug: p.programme.slug }, { body: { apply: true } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/orphan/);
    expect(await snapshot(p.programme.id)).toEqual(before);
  });

  it("lets a viewer preview but only a manager apply; hides the programme from outsiders", async () => {
    const p = await smallProgramme(t.db);
    const viewer = await userWithRole(t.db, p.programme.id, "viewer");
    const lead = await userWithRole(t.db, p.programme.id, "lead", [p.teams.pay.id]);
    const manager = await userWithRole(t.db, p.programme.id, "manager");
    expect((await call(plan.POST, { slug: p.programme.slug }, { body: {}, token: viewer.token })).status).toBe(200);
    expect((await call(waves.GET, { slug: p.programme.slug }, { method: "GET", token: viewer.token })).status).toBe(200);
    expect((await call(plan.POST, { slug: p.programme.slug }, { body: { apply: true }, token: viewer.token })).status).toBe(403);
    expect((await call(plan.POST, { slug: p.programme.slug }, { body: { apply: true }, token: lead.token })).status).toBe(403);
    expect(await t.db.event.count({ where: { programmeId: p.programme.id } })).toBe(0);
    expect((await call(plan.POST, { slug: p.programme.slug }, { body: { apply: true }, token: manager.token })).status).toBe(200);
    const other = await smallProgramme(t.db);
    expect((await call(plan.POST, { slug: other.programme.slug }, { body: {}, token: manager.token })).status).toBe(404);
    expect((await call(waves.GET, { slug: "no-such-programme" }, { method: "GET" })).status).toBe(404);
    expect((await call(plan.POST, { slug: p.programme.slug }, { body: {}, token: null })).status).toBe(401);
  });

  it("keeps a slice that is already live in its wave, and says why", async () => {
    const p = await smallProgramme(t.db);
    await t.db.slice.update({ where: { id: p.slices.web.id }, data: { status: "live" } });
    const res = await call(plan.POST, { slug: p.programme.slug }, { body: { apply: true } });
    const web = res.json.waves[0].slices.find((s: { name: string }) => s.name === "Web");
    expect(web.reason).toBe("already live: stays in wave 1: breaks the order with api");
    expect((await t.db.slice.findUniqueOrThrow({ where: { id: p.slices.web.id }, include: { wave: true } })).wave?.number).toBe(1);
  });

  it("plans around capacity without breaking the order", async () => {
    const p = await smallProgramme(t.db);
    for (const name of ["extra-1", "extra-2"]) await createService(t.db, { programmeId: p.programme.id, name, teamId: p.teams.pay.id });
    const res = await call(plan.POST, { slug: p.programme.slug }, { body: { capacityPerTeam: 1 } });
    expect(res.status).toBe(200);
    for (const w of res.json.waves) expect(w.slices.filter((s: { team: string }) => s.team === "pay").length).toBeLessThanOrEqual(1);
    expect(res.json.violations).toEqual([]);
  });
});
