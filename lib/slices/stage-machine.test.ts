import { describe, expect, it } from "vitest";
import type { Role, SliceStatus } from "@/lib/generated/prisma/enums";
import type { GateItem } from "@/lib/checklists/gates";
import { STAGES, type Stage } from "./stages";
import { planStageMove, ROLLBACK_SIGNALS, signalLabel, statusAfterTicks, statusForStage, type MoveDecision, type MoveRequest } from "./stage-machine";

// Every from/to pair, written out by hand from the rules: one step up is an advance, more
// is a skip, any step down is a rollback, and the same stage is invalid.
//                 to:  0    mirror 1    10   50   100
const MOVES: Record<Stage, string> = {
  "0": /*       */ "=    A      S    S    S    S",
  mirror: /*    */ "R    =      A    S    S    S",
  "1": /*       */ "R    R      =    A    S    S",
  "10": /*      */ "R    R      R    =    A    S",
  "50": /*      */ "R    R      R    R    =    A",
  "100": /*     */ "R    R      R    R    R    =",
};
type Move = "=" | "A" | "S" | "R";
const moveOf = (from: Stage, to: Stage) => MOVES[from].split(/\s+/)[STAGES.indexOf(to)] as Move;

type Outcome = "advance" | "skip" | "rollback" | "INVALID" | "FORBIDDEN";
/** What each role gets for each kind of move, with and without a reason. */
const EXPECTED: Record<Role, Record<Move, [withReason: Outcome, withoutReason: Outcome]>> = {
  viewer: { "=": ["FORBIDDEN", "FORBIDDEN"], A: ["FORBIDDEN", "FORBIDDEN"], S: ["FORBIDDEN", "FORBIDDEN"], R: ["FORBIDDEN", "FORBIDDEN"] },
  lead: { "=": ["INVALID", "INVALID"], A: ["advance", "advance"], S: ["FORBIDDEN", "FORBIDDEN"], R: ["rollback", "INVALID"] },
  manager: { "=": ["INVALID", "INVALID"], A: ["advance", "advance"], S: ["skip", "INVALID"], R: ["rollback", "INVALID"] },
};

const outcome = (d: MoveDecision): Outcome => (d.ok ? d.kind : (d.code as Outcome));
// A status that is legal at a stage, so the matrix tests moves rather than holds.
const statusAt: Record<Stage, SliceStatus> = { "0": "preparing", mirror: "parallel_run", "1": "shifting", "10": "shifting", "50": "shifting", "100": "live" };
const request = (over: Partial<MoveRequest> & Pick<MoveRequest, "from" | "to">): MoveRequest => ({
  actorRole: "manager",
  items: [],
  currentStatus: statusAt[over.from],
  ...over,
});

describe("planStageMove: every from/to pair for each role", () => {
  const cases = (["manager", "lead", "viewer"] as Role[]).flatMap((role) =>
    STAGES.flatMap((from) =>
      STAGES.flatMap((to) =>
        ([true, false] as const).map((withReason) => ({ role, from, to, withReason, expected: EXPECTED[role][moveOf(from, to)][withReason ? 0 : 1] })),
      ),
    ),
  );

  it("covers 3 roles x 36 pairs x with/without reason", () => expect(cases).toHaveLength(216));

  it.each(cases)("$role $from -> $to (reason: $withReason) is $expected", ({ role, from, to, withReason, expected }) => {
    const decision = planStageMove(request({ from, to, actorRole: role, reason: withReason ? "Error budget healthy for a week" : undefined }));
    expect(outcome(decision)).toBe(expected);
    if (decision.ok) {
      expect(decision.eventAction).toBe(decision.kind === "rollback" ? "slice.rolled_back" : "slice.stage_moved");
      expect(decision.eventBefore).toEqual({ stage: from, status: statusAt[from] });
      expect(decision.eventAfter.stage).toBe(to);
      expect(decision.eventAfter.status).toBe(decision.nextStatus);
    }
  });
});

const open = (id: string, gateStage: Stage | null, category: GateItem["category"] = "observable"): GateItem => ({ id, title: `Title ${id}`, category, gateStage, state: "open" });

describe("planStageMove: gates", () => {
  const alerts = open("alerts", "1");
  const rehearsed = open("rehearsed", "10", "safe_to_shift");

  it("refuses a move up with the open gating items as details", () => {
    const d = planStageMove(request({ from: "mirror", to: "1", actorRole: "lead", items: [alerts, rehearsed] }));
    expect(d).toMatchObject({ ok: false, code: "GATE_BLOCKED", details: [{ id: "alerts", title: "Title alerts", gateStage: "1" }] });
  });

  it("an item gating an earlier stage, reopened, blocks the next move", () => {
    const d = planStageMove(request({ from: "10", to: "50", actorRole: "lead", items: [alerts] }));
    expect(d).toMatchObject({ ok: false, code: "GATE_BLOCKED" });
  });

  it("a manager's skip is checked against the gates of every stage it jumps", () => {
    const d = planStageMove(request({ from: "0", to: "10", reason: "Pilot traffic already proven", items: [alerts, rehearsed, open("later", "50")] }));
    expect(d.ok).toBe(false);
    if (!d.ok) expect((d.details as { id: string }[]).map((i) => i.id).sort()).toEqual(["alerts", "rehearsed"]);
  });

  it("items gating later stages, done or na items do not block", () => {
    const items = [open("later", "50"), { ...alerts, state: "done" as const }, { ...rehearsed, state: "na" as const }, open("free", null)];
    expect(planStageMove(request({ from: "1", to: "10", actorRole: "lead", items })).ok).toBe(true);
  });

  it.each(["0", "mirror", "1", "10", "50"] as Stage[])("rollbacks from 100%% to %s are never gate-checked", (to) => {
    const all = STAGES.map((s) => open(`g${s}`, s));
    expect(planStageMove(request({ from: "100", to, actorRole: "lead", items: all, reason: "5xx spike" }))).toMatchObject({ ok: true, kind: "rollback" });
  });
});

describe("planStageMove: status follows stage", () => {
  it.each([
    ["0", "mirror", "planned", "parallel_run"],
    ["0", "mirror", "rolled_back", "parallel_run"],
    ["mirror", "1", "parallel_run", "shifting"],
    ["1", "10", "shifting", "shifting"],
    ["10", "50", "shifting", "shifting"],
    ["50", "100", "shifting", "live"],
    ["100", "50", "live", "shifting"],
    ["10", "mirror", "shifting", "parallel_run"],
    ["mirror", "0", "parallel_run", "rolled_back"],
    ["100", "0", "live", "rolled_back"],
  ] as [Stage, Stage, SliceStatus, SliceStatus][])("%s -> %s from %s gives %s", (from, to, currentStatus, expected) => {
    const d = planStageMove(request({ from, to, currentStatus, reason: "Latency p99 over budget" }));
    expect(d).toMatchObject({ ok: true, nextStatus: expected });
  });

  it("reaching 100% with the retirement items already ticked is done at once", () => {
    const items: GateItem[] = [{ ...open("dns", null, "retired"), state: "done" }];
    expect(planStageMove(request({ from: "50", to: "100", items }))).toMatchObject({ ok: true, nextStatus: "done" });
  });

  it.each([
    [100, "live", [{ state: "done" }, { state: "na" }], "done"],
    [100, "done", [{ state: "done" }, { state: "open" }], "live"],
    [100, "live", [], "live"],
    [50, "shifting", [{ state: "done" }], "shifting"],
    [0, "planned", [{ state: "done" }], "planned"],
    [0, "rolled_back", [{ state: "done" }], "rolled_back"],
    [100, "on_hold", [{ state: "done" }], "on_hold"],
  ] as [number, SliceStatus, { state: GateItem["state"] }[], SliceStatus][])(
    "statusAfterTicks at %s%% from %s with retirement items %j gives %s",
    (stage, currentStatus, retired, expected) => {
      const items = retired.map((r, i) => ({ ...open(`r${i}`, null, "retired"), state: r.state }));
      expect(statusAfterTicks(String(stage) as Stage, items, currentStatus)).toBe(expected);
    },
  );

  it("statusForStage keeps planned/preparing at 0 unless rolled back", () => {
    expect(statusForStage("0", "preparing")).toBe("preparing");
    expect(statusForStage("0", "preparing", { rolledBack: true })).toBe("rolled_back");
  });
});

describe("planStageMove: holds, done, reasons and signals", () => {
  it("a slice on hold cannot move up", () => {
    const d = planStageMove(request({ from: "10", to: "50", currentStatus: "on_hold" }));
    expect(d).toMatchObject({ ok: false, code: "INVALID" });
    if (!d.ok) expect(d.message).toMatch(/on hold/);
  });

  it("a slice on hold can roll back and stays on hold", () => {
    const d = planStageMove(request({ from: "10", to: "0", currentStatus: "on_hold", actorRole: "lead", reason: "Vendor freeze" }));
    expect(d).toMatchObject({ ok: true, kind: "rollback", nextStatus: "on_hold" });
  });

  it("a done slice cannot roll back until a retirement item is reopened", () => {
    expect(planStageMove(request({ from: "100", to: "50", currentStatus: "done", reason: "x" }))).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("records a rollback's trimmed reason, signal and observed value", () => {
    const d = planStageMove(request({ from: "50", to: "10", actorRole: "lead", reason: "  5xx above 2%  ", signal: "error_rate", observed: "5.2% 5xx" }));
    expect(d).toMatchObject({ ok: true, eventAction: "slice.rolled_back" });
    if (d.ok) expect(d.eventAfter).toEqual({ stage: "10", status: "shifting", kind: "rollback", reason: "5xx above 2%", signal: "error_rate", observed: "5.2% 5xx" });
  });

  it("a whitespace reason is no reason", () => {
    const d = planStageMove(request({ from: "10", to: "0", reason: "   " }));
    expect(d).toMatchObject({ ok: false, code: "INVALID", details: { reason: [expect.any(String)] } });
  });

  it("records a skip's reason and the stages it jumped", () => {
    const d = planStageMove(request({ from: "mirror", to: "50", reason: "Internal-only service" }));
    if (!d.ok) throw new Error(d.message);
    expect(d.eventAfter).toEqual({ stage: "50", status: "shifting", kind: "skip", reason: "Internal-only service", skipped: ["1", "10"] });
  });

  it("refuses a signal or an observed value on a move up", () => {
    expect(planStageMove(request({ from: "1", to: "10", signal: "latency" }))).toMatchObject({ ok: false, code: "INVALID", details: { signal: expect.any(Array) } });
    expect(planStageMove(request({ from: "1", to: "10", observed: "p99 80ms" }))).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("refuses stages and signals outside the vocabulary", () => {
    expect(planStageMove(request({ from: "1", to: "25" as Stage }))).toMatchObject({ ok: false, code: "INVALID", details: { to: expect.any(Array) } });
    expect(planStageMove(request({ from: "10", to: "0", reason: "x", signal: "cpu" as "other" }))).toMatchObject({ ok: false, code: "INVALID" });
  });
});

describe("signalLabel", () => {
  it("names every signal in words, never as its code (the overview and the exports printed error_rate)", () => {
    expect(signalLabel("error_rate")).toBe("error rate");
    for (const s of ROLLBACK_SIGNALS) expect(signalLabel(s)).not.toContain("_");
    // One the API took before the list grew stays as recorded.
    expect(signalLabel("saturation")).toBe("saturation");
  });
});
