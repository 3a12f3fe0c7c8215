import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, EVENT_ACTIONS, EVENT_CATALOGUE, isEventAction, parseEvent, type EventAction, type EventInput } from ".";
import { EXAMPLES } from "./test-examples";

const examples = Object.entries(EXAMPLES).flatMap(([action, payloads]) =>
  payloads.map((payload, i) => ({ name: `${action} #${i + 1}`, action: action as EventAction, ...payload })),
);
const stored = (e: { action: EventAction; before: unknown; after: unknown }) => ({ entityType: EVENT_CATALOGUE[e.action].entityType, ...e });
const sides = (e: { before: unknown; after: unknown }) => (["before", "after"] as const).filter((side) => e[side] !== null);

describe("the event catalogue", () => {
  it("names every action <entity>.<verb>, about a known entity type", () => {
    expect(EVENT_ACTIONS.length).toBeGreaterThan(40);
    for (const action of EVENT_ACTIONS) {
      expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(ENTITY_TYPES).toContain(EVENT_CATALOGUE[action].entityType);
    }
  });

  it.each(examples)("reads $name as its writer writes it", (e) => {
    const parsed = parseEvent(stored(e));
    expect(parsed).toEqual({ ok: true, event: expect.objectContaining({ action: e.action, before: e.before, after: e.after }) });
  });

  it.each(examples)("refuses $name with a key its writer does not write", (e) => {
    for (const side of sides(e)) {
      const payload = e[side] as Record<string, unknown>;
      const parsed = parseEvent({ ...stored(e), [side]: { ...payload, unexpected: 1 } });
      expect(parsed.ok, `${e.name} ${side}`).toBe(false);
    }
  });

  it.each(examples)("refuses $name with a side it does not write, or without one it does", (e) => {
    expect(parseEvent({ ...stored(e), before: e.before === null ? { stage: "0" } : null }).ok).toBe(false);
    if (e.after !== null) expect(parseEvent({ ...stored(e), after: null }).ok).toBe(false);
  });

  it("reads a stored NULL and a side left out alike", () => {
    expect(parseEvent({ action: "team.deleted", entityType: "team", before: { name: "payments" } }).ok).toBe(true);
    expect(parseEvent({ action: "team.deleted", entityType: "team", before: { name: "payments" }, after: null }).ok).toBe(true);
  });

  it.each([
    ["an unknown action", { action: "slice.polished", entityType: "slice" }, ["action"], /Unknown event action "slice.polished"/],
    ["another entity type", { action: "team.deleted", entityType: "service", before: { name: "x" } }, ["entityType"], /about a team, not "service"/],
    ["a wrong value", { action: "slice.status_changed", entityType: "slice", before: { stage: "5", status: "live" }, after: { stage: "100", status: "done", reason: "x" } }, ["before", "stage"], /Invalid option/],
    ["a missing field", { action: "membership.role_changed", entityType: "membership", before: { role: "viewer" }, after: {} }, ["after", "role"], /expected one of/i],
  ])("says why it cannot read %s", (_, row, path, message) => {
    const parsed = parseEvent(row);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("names each shape an action with several shapes failed", () => {
    const parsed = parseEvent({ action: "slice.created", entityType: "slice", after: { name: "x" } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].message).toMatch(/^matches none of the shapes of slice.created \(.*services.*; or .*team.*; or .*\)$/);
  });

  it("takes a tick's state as text from the writer and reads it back as one of the three states", () => {
    const tick = (state: string) => ({ action: "checklist_item.ticked", entityType: "checklist_item", before: { state: "open" }, after: { state, title: "Probes", sliceId: "s1" } });
    const parsed = parseEvent(tick("na"));
    expect(parsed.ok && parsed.event.action === "checklist_item.ticked" && parsed.event.after.state).toBe("na");
    expect(parseEvent(tick("maybe")).ok).toBe(false);
  });

  it("knows its actions and nothing else", () => {
    expect(isEventAction("slice.stage_moved")).toBe(true);
    expect(isEventAction("slice.move")).toBe(false);
    expect(isEventAction("toString")).toBe(false);
  });

  it("lets the action literal choose the payload type (checked by the compiler)", () => {
    const ok: EventInput = { programmeId: "p", entityType: "slice", entityId: "s", action: "slice.stage_moved", before: { stage: "0", status: "planned" }, after: { stage: "mirror", status: "parallel_run", kind: "advance" } };
    // @ts-expect-error: a stage move is about a slice
    const wrongEntity: EventInput = { ...ok, entityType: "service" };
    // @ts-expect-error: a stage move has a before
    const noBefore: EventInput = { programmeId: "p", entityType: "slice", entityId: "s", action: "slice.stage_moved", after: { stage: "mirror", status: "parallel_run", kind: "advance" } };
    // @ts-expect-error: an action the catalogue lacks
    const unknown: EventInput = { programmeId: "p", entityType: "slice", entityId: "s", action: "slice.polished" };
    // @ts-expect-error: a rollback's kind is "rollback"
    const wrongPayload: EventInput = { ...ok, action: "slice.rolled_back", after: { stage: "0", status: "rolled_back", kind: "advance", reason: "x" } };
    expect([ok, wrongEntity, noBefore, unknown, wrongPayload]).toHaveLength(5);
  });
});
