import { describe, expect, it } from "vitest";
import type { EventInput } from "./catalogue";
import { eventRow, recordedEventInput, recordEvent, UncataloguedEventError } from "./record";

const actor = { userId: "u1", name: "Jane", isAdmin: false, requestId: "r1" };
const moved: EventInput = { programmeId: "p1", entityType: "slice", entityId: "s1", action: "slice.stage_moved", before: { stage: "0", status: "preparing" }, after: { stage: "mirror", status: "parallel_run", kind: "advance" } };

describe("the event writers", () => {
  it("build the row from the actor and the event, a side left out as no value", () => {
    expect(eventRow(actor, { programmeId: null, entityType: "user", entityId: "u2", action: "user.created_by_sso", after: { email: "a@example.com" } })).toEqual({
      programmeId: null, actorId: "u1", actorName: "Jane", entityType: "user", entityId: "u2", action: "user.created_by_sso", before: undefined, after: { email: "a@example.com" }, requestId: "r1", at: undefined,
    });
  });

  it("refuse, when written, a payload the types were talked out of", () => {
    const cast = { ...moved, after: { stage: "mirror", status: "parallel_run", kind: "advance", extra: true } } as unknown as EventInput;
    expect(() => eventRow(actor, cast)).toThrow(UncataloguedEventError);
    expect(() => eventRow(actor, cast)).toThrow(/slice.stage_moved does not match the catalogue: after: Unrecognized key: "extra"/);
  });

  it("write nothing for a refused event", async () => {
    const written: unknown[] = [];
    const tx = { event: { create: async (args: { data: unknown }) => void written.push(args.data) } };
    await recordEvent(tx, actor, moved);
    await expect(recordEvent(tx, actor, { ...moved, action: "slice.nudged" } as unknown as EventInput)).rejects.toThrow(/Unknown event action/);
    expect(written).toHaveLength(1);
  });

  it("take a recorded event only once the catalogue reads it", () => {
    const row = { programmeId: "p1", entityId: "t1", entityType: "team", action: "team.deleted", before: { name: "alpha" }, after: null, at: new Date(0) };
    expect(recordedEventInput(row)).toBe(row);
    expect(() => recordedEventInput({ ...row, entityType: "service" })).toThrow(/about a team/);
  });
});
