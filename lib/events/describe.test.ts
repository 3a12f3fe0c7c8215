import { describe, expect, it } from "vitest";
import { EVENT_CATALOGUE, type EventAction } from "./catalogue";
import { EXAMPLES } from "./catalogue/test-examples";
import { actionLabel, catalogueLine, changeText, changesOf, describeEvent, describeLine, objectOf, type Names } from "./describe";
import { countsOf, describeBulk, groupEvents } from "./describe-groups";

const standing = { stage: "1", status: "shifting" };
const tick = (state: string, title: string) => ({ entityType: "checklist_item", action: "checklist_item.ticked", before: { state: "open" }, after: { state, title, sliceId: "s1" } });

// The slice and service histories: the entity named by the caller, without its kind.
describe("describeEvent", () => {
  it.each([
    [{ entityType: "slice", action: "slice.stage_moved", before: standing, after: { stage: "10", status: "shifting", kind: "advance" } }, "checkout", "moved checkout to 10%"],
    [{ entityType: "slice", action: "slice.stage_moved", before: { stage: "0", status: "preparing" }, after: { stage: "mirror", status: "parallel_run", kind: "advance" } }, "checkout", "moved checkout to mirror"],
    [{ entityType: "slice", action: "slice.rolled_back", before: standing, after: { stage: "0", status: "rolled_back", kind: "rollback", reason: "latency" } }, "search", "rolled back search to 0%: latency"],
    [{ ...tick("done", "Probes"), before: { state: "open" } }, undefined, 'ticked "Probes"'],
    [tick("na", "PVC"), undefined, 'marked "PVC" not applicable'],
    [{ ...tick("open", "PVC"), before: { state: "done" } }, undefined, 'reopened "PVC"'],
    [{ entityType: "programme", action: "programme.created", before: null, after: { slug: "demo", name: "Demo", targetDate: null } }, undefined, "created Demo"],
    [{ entityType: "api_token", action: "api_token.revoked", before: null, after: null }, undefined, "revoked API token"],
    [{ entityType: "slice", action: "slice.status_changed", before: { stage: "100", status: "live" }, after: { stage: "100", status: "on_hold", reason: "hold" } }, undefined, "set slice to on hold"],
  ])("%o", (event, label, text) => {
    expect(describeEvent(event, label)).toBe(text);
  });

  it("prefers the looked-up label over the event's own fields", () => {
    expect(describeEvent({ entityType: "slice", action: "slice.stage_moved", before: { stage: "0", status: "preparing" }, after: { stage: "1", status: "shifting", kind: "skip", skipped: ["mirror"] } }, "payments")).toBe("moved payments to 1%");
    expect(describeEvent(tick("done", "Probes"), '"Probes" on payments')).toBe('ticked "Probes" on payments');
  });

  it("gives a row the catalogue does not describe a line from its verb, without failing", () => {
    expect(describeEvent({ entityType: "slice", action: "slice.stage_moved", before: null, after: { stage: "10" } }, "checkout")).toBe("stage moved checkout");
    expect(describeEvent({ entityType: "checklist_item", action: "checklist_item.ticked", before: null, after: { state: "done", title: "Probes" } })).toBe('ticked "Probes"');
    expect(describeEvent({ entityType: "widget", action: "widget.polished", before: 3, after: "x" })).toBe("polished widget");
  });
});

// The names lib/events/labels.ts looks up for the ids in these events.
const NAMES: Names = new Map([
  ["facility:f1", "Service mesh"],
  ["team:t1", "Platform"],
  ["membership:u1", "Grace Mensah (grace@example.com)"],
  ["user:u1", "Grace Mensah (grace@example.com)"],
  ["wave:w2", "wave 2: Order core"],
  ["service:sv1", "checkout-api"],
  ["slice:s1", "Search"],
  ["checklist_template:t1", "Default"],
  ["programme:p1", "Shop"],
  ["api_token:k1", '"ci"'],
]);
const facility = { key: "service-mesh", status: "not_started", ownerTeamId: null, notes: null };

describe("describeLine and changesOf: the audit log and recent activity name what they are about", () => {
  it("names a facility and its owner team, with the change in words", () => {
    const event = { entityType: "facility", entityId: "f1", action: "facility.updated", before: facility, after: { ...facility, status: "ready", ownerTeamId: "t1" } };
    expect(objectOf(event, NAMES)).toEqual({ kind: "facility", name: "Service mesh" });
    expect(describeLine(event, NAMES)).toBe("changed facility Service mesh");
    expect(changesOf(event, NAMES)).toEqual([
      { field: "Status", from: "Not started", to: "Ready" },
      { field: "Owner team", from: "none", to: "Platform" },
    ]);
    expect(describeLine({ ...event, action: "facility.status_changed" }, NAMES)).toBe("set facility Service mesh to ready");
  });

  it("names a member by name and email", () => {
    expect(describeLine({ entityType: "membership", entityId: "u1", action: "membership.role_changed", before: { role: "lead" }, after: { role: "manager" } }, NAMES)).toBe(
      "changed the role of member Grace Mensah (grace@example.com) from lead to manager",
    );
    // Removed since: the event's own payload names the member.
    expect(describeLine({ entityType: "membership", entityId: "gone", action: "membership.created", before: null, after: { email: "ada@example.com", name: "Ada", role: "viewer", teams: [] } })).toBe(
      "added member Ada (ada@example.com) as viewer",
    );
    const teams = { entityType: "membership", entityId: "u1", action: "membership.teams_changed", before: { teams: [] }, after: { teams: [{ team: "Checkout", lead: true }, { team: "Search", lead: false }] } };
    expect(changesOf(teams, NAMES)).toEqual([{ field: "Teams", from: "none", to: "Checkout (lead), Search" }]);
  });

  it("names a wave by number and name, and a service", () => {
    const wave = { number: 2, name: "Order core", goal: null, plannedStart: "2026-03-02", plannedEnd: null };
    const event = { entityType: "wave", entityId: "w2", action: "wave.updated", before: wave, after: { ...wave, goal: "Stateless first", plannedEnd: "2026-04-01" } };
    expect(describeLine(event, NAMES)).toBe("changed wave 2: Order core");
    expect(changesOf(event, NAMES).map(changeText)).toEqual(["Goal: none → Stateless first", "Planned end: none → 2026-04-01"]);
    expect(describeLine({ entityType: "service", entityId: "sv1", action: "service.updated", before: { tier: 3, tags: [] }, after: { tier: 2, tags: ["pci", "edge"] } }, NAMES)).toBe("changed service checkout-api");
    expect(changesOf({ entityType: "service", entityId: "sv1", action: "service.updated", before: { tier: 3, tags: [] }, after: { tier: 2, tags: ["pci", "edge"] } }, NAMES)).toEqual([
      { field: "Tier", from: "3", to: "2" },
      { field: "Tags", from: "none", to: "pci, edge" },
    ]);
  });

  it("reads stages, statuses, dependencies, ticks and merges as people say them", () => {
    expect(describeLine({ entityType: "slice", entityId: "s1", action: "slice.stage_moved", before: standing, after: { stage: "10", status: "shifting", kind: "advance" } }, NAMES)).toBe("moved slice Search to 10%");
    expect(changesOf({ entityType: "slice", entityId: "s1", action: "slice.stage_moved", before: standing, after: { stage: "10", status: "shifting", kind: "advance" } }, NAMES)).toEqual([
      { field: "Traffic stage", from: "1%", to: "10%" },
      { field: "Kind", from: null, to: "move up" },
    ]);
    expect(describeLine({ entityType: "dependency", entityId: "d1", action: "dependency.updated", before: { from: "checkout", to: "orders", kind: "sync" }, after: { from: "checkout", to: "orders", kind: "async" } })).toBe(
      "changed dependency checkout → orders from sync to async",
    );
    expect(describeLine({ entityType: "slice", entityId: "s2", action: "slice.deleted", before: { name: "b", services: ["b"] }, after: { mergedInto: "s1" } }, NAMES)).toBe("merged slice b into Search");
    expect(changesOf({ entityType: "slice", entityId: "s2", action: "slice.deleted", before: { name: "b", services: ["b"] }, after: { mergedInto: "s1" } }, NAMES)).toContainEqual({ field: "Merged into", from: null, to: "Search" });
    expect(describeLine({ entityType: "api_token", entityId: "k1", action: "api_token.created", before: null, after: { name: "ci", prefix: "fy_ab12", userId: "u1", programmeId: null } }, NAMES)).toBe(
      'created API token "ci" for Grace Mensah (grace@example.com)',
    );
  });

  // Every action of the catalogue, every shape its writers write: a line that names something,
  // and changes with no JSON and no id in them.
  const everyExample = (Object.entries(EXAMPLES) as [EventAction, readonly { before: unknown; after: unknown }[]][]).flatMap(([action, shapes]) =>
    shapes.map((payload, i) => [`${action} #${i + 1}`, { action, entityType: EVENT_CATALOGUE[action].entityType, entityId: "x1", ...payload }] as const),
  );
  it.each(everyExample)("%s reads as words", (_, event) => {
    const line = describeLine(event, NAMES);
    expect(line).toMatch(/^[a-z]/);
    expect(line).not.toMatch(/[{}[\]]|undefined|null|\bx1\b|\bu1\b|\bs1\b|\bt1\b/);
    for (const change of changesOf(event, NAMES)) {
      expect(`${change.field} ${change.from} ${change.to}`).not.toMatch(/[{}[\]"]:|\{|\}|\bu1\b|\bs1\b|\bt1\b|\bp1\b/);
    }
  });
});

describe("wording for every catalogued action", () => {
  // The fallback ("cadence changed programme Shop") reads as words too, so the test above would
  // pass for an action nobody wrote a line for; this one fails instead (programme.cadence_changed had none).
  it.each(Object.keys(EVENT_CATALOGUE) as EventAction[])("%s has a line of its own", (action) => {
    const shapes: readonly { before: unknown; after: unknown }[] = EXAMPLES[action] ?? [];
    expect(shapes.length, `${action} has no example in catalogue/test-examples.ts`).toBeGreaterThan(0);
    for (const payload of shapes) expect(catalogueLine({ action, entityType: EVENT_CATALOGUE[action].entityType, entityId: "x1", ...payload }, "it", NAMES), `${action} has no wording in describe.ts`).toMatch(/^[a-z]\w* \S/);
  });

  const cadence = (before: { waveLengthWeeks: number | null; wavesStartOn: string | null }, after: typeof before) => ({ entityType: "programme", entityId: "p1", action: "programme.cadence_changed", before, after });
  it.each([
    [cadence({ waveLengthWeeks: null, wavesStartOn: null }, { waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }), "set the wave cadence of programme Shop to 2-week waves from 2 Mar 2026 (was no cadence)"],
    [cadence({ waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }, { waveLengthWeeks: 3, wavesStartOn: "2026-03-02" }), "set the wave cadence of programme Shop to 3-week waves from 2 Mar 2026 (was 2-week waves from 2 Mar 2026)"],
    [cadence({ waveLengthWeeks: 2, wavesStartOn: null }, { waveLengthWeeks: null, wavesStartOn: "2026-01-05" }), "set the wave cadence of programme Shop to waves from 5 Jan 2026, length not set (was 2-week waves, start date not set)"],
    [cadence({ waveLengthWeeks: 4, wavesStartOn: "2026-03-02" }, { waveLengthWeeks: null, wavesStartOn: null }), "cleared the wave cadence of programme Shop (was 4-week waves from 2 Mar 2026)"],
  ])("a cadence change reads before → after: %#", (event, line) => {
    expect(describeLine(event, NAMES)).toBe(line);
  });

  it("lists a cadence change field by field", () => {
    expect(changesOf(cadence({ waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }, { waveLengthWeeks: 3, wavesStartOn: "2026-03-02" }), NAMES).map(changeText)).toEqual(["Wave length in weeks: 2 → 3"]);
    expect(changesOf(cadence({ waveLengthWeeks: null, wavesStartOn: null }, { waveLengthWeeks: 2, wavesStartOn: "2026-03-02" }), NAMES).map(changeText)).toEqual([
      "Wave length in weeks: none → 2",
      "Waves start on: none → 2026-03-02",
    ]);
  });
});

describe("groupEvents and describeBulk: bulk work reads as one line", () => {
  const at = new Date("2026-11-30T10:00:00Z");
  const row = (action: string, entityType: string, when = at, actorName = "Morgan") => ({ action, entityType, at: when, actorName });
  const imported = [row("inventory.imported", "programme"), ...Array.from({ length: 37 }, () => row("service.created", "service")), ...Array.from({ length: 52 }, () => row("dependency.created", "dependency"))];

  it("says what an import brought in", () => {
    const entries = groupEvents(imported);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "bulk", lead: { action: "inventory.imported" } });
    expect(describeBulk(entries[0] as { events: typeof imported; lead: (typeof imported)[number] })).toBe("imported 37 services and 52 dependencies");
    const withTeams = [...imported, row("team.created", "team"), row("service.updated", "service")];
    expect(describeBulk({ events: withTeams, lead: withTeams[0] })).toBe("imported 37 services, 52 dependencies and 1 team; changed 1 service");
  });

  it("keeps separate work apart, and a tick with the status it changed as two events", () => {
    const later = new Date(at.getTime() + 1);
    const entries = groupEvents([row("checklist_item.ticked", "checklist_item"), row("slice.status_changed", "slice"), row("service.updated", "service", later), row("service.updated", "service", later), row("service.updated", "service", later)]);
    expect(entries.map((e) => e.kind)).toEqual(["event", "event", "bulk"]);
    expect(countsOf((entries[2] as { events: ReturnType<typeof row>[] }).events)).toBe("changed 3 services");
    // Another actor at the same instant is other work.
    expect(groupEvents([row("service.updated", "service"), row("service.updated", "service", at, "Sam"), row("service.updated", "service")]).map((e) => e.kind)).toEqual(["event", "event", "event"]);
  });

  it("names an applied plan and its moves", () => {
    const plan = [row("programme.plan_applied", "programme"), row("wave.created", "wave"), row("slice.wave_changed", "slice"), row("slice.wave_changed", "slice"), row("slice.created", "slice")];
    expect(describeBulk({ events: plan, lead: plan[0] })).toBe("applied a plan: created 1 slice and 1 wave; moved 2 slices");
  });
});

describe("describeBulk with the whole of the work", () => {
  it("counts from the whole when a feed shows only part of it", () => {
    const at = new Date("2026-11-30T10:00:00Z");
    const part = [{ action: "inventory.imported", entityType: "programme", at, actorName: "Morgan" }, { action: "service.created", entityType: "service", at, actorName: "Morgan" }];
    const whole = [
      { action: "inventory.imported", entityType: "programme", count: 1 },
      { action: "service.created", entityType: "service", count: 37 },
      { action: "dependency.created", entityType: "dependency", count: 52 },
    ];
    expect(describeBulk({ events: part, lead: part[0] }, whole)).toBe("imported 37 services and 52 dependencies");
    expect(describeBulk({ events: part, lead: part[0] })).toBe("imported 1 service");
  });
});

describe("actionLabel", () => {
  it("names an action by its entity's word and its verb", () => {
    expect(actionLabel("slice.rolled_back")).toBe("Slice: rolled back");
    expect(actionLabel("checklist_item.ticked")).toBe("Checklist item: ticked");
    expect(actionLabel("api_token.created")).toBe("API token: created");
    expect(actionLabel("membership.role_changed")).toBe("Member: role changed");
    expect(actionLabel("odd")).toBe("odd");
  });
});

describe("a rollback's signal in the audit log", () => {
  it("reads in words, as on the slice page and in the report (it read error_rate)", () => {
    const e = { entityType: "slice", entityId: "s1", action: "slice.rolled_back", before: { stage: "10", status: "shifting" }, after: { stage: "0", status: "rolled_back", kind: "rollback", reason: "5xx up", signal: "error_rate", observed: "4.2% 5xx" } };
    expect(changesOf(e, new Map())).toContainEqual({ field: "Signal", from: null, to: "error rate" });
  });
});
