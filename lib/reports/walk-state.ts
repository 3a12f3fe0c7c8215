/**
 * The state the walk back holds, and how one event is undone on it: the half of the
 * reconstruction (lib/reports/reconstruct.ts) that follows each action's `before`. Pure.
 */
import { STAGES, stageIndex } from "@/lib/slices/stages";
import type { ServiceKind } from "@/lib/generated/prisma/enums";
import type { HistoryEvent, ItemState } from "./history";
import type { FacilityStatus, SliceState, SliceStatus } from "./types";

/** A slice as the walk back holds it: the reported fields, and its checklist counted by state and gate. */
export type WSlice = Pick<SliceState, "id" | "name" | "team" | "wave" | "stage" | "status" | "plannedStart" | "plannedEnd"> & {
  counts: Record<ItemState, number>;
  /** Open items per gated stage (index into STAGES). */
  gateOpen: number[];
};
export type WService = { id: string; name: string; team: string | null; sliceId: string | null; peakRps: number | null; kind: ServiceKind; shared: boolean };
export type WWave = { id: string; number: number; name: string | null; plannedStart: string | null; plannedEnd: string | null; facilities: string[] };
export type WFacility = { id: string; key: string; name: string; status: FacilityStatus; ownerTeamId: string | null };

export const edgeKey = (from: string, to: string) => `${from}\n${to}`;

/** The slices, services, dependencies, waves and facilities at the walk's instant, and the undo of one event. */
export class WalkState {
  protected readonly slices = new Map<string, WSlice>();
  protected readonly services = new Map<string, WService>();
  protected readonly byName = new Map<string, WService>();
  /** The dependencies as loaded (by service id, each pair once); the walk changes them through `edgeChanges` only. */
  protected baseEdges: readonly { from: string; to: string }[] = [];
  /**
   * Dependencies the undone events changed, by "from\nto" service ids: the pair when it existed
   * before them, null when it did not. Kept apart so that a walk does not copy 15,000 pairs
   * into a map first (the large programme's), when the events it undoes touch a handful.
   */
  protected readonly edgeChanges = new Map<string, [string, string] | null>();
  /** Slices live or done, and done: kept as statuses change, since the burn-up asks once per week. */
  protected finished = { live: 0, done: 0 };
  protected readonly waves = new Map<string, WWave>();
  protected readonly facilities = new Map<string, WFacility>();
  /** Events whose subject was not there to undo them on (a tick of an item whose slice is unknown, say). */
  orphans = 0;

  /** Counts a slice's status in or out of `finished`. */
  protected tally(status: SliceStatus, by: 1 | -1) {
    if (status === "live" || status === "done") this.finished.live += by;
    if (status === "done") this.finished.done += by;
  }

  protected putService(s: WService) {
    this.services.set(s.id, s);
    this.byName.set(s.name, s);
  }

  protected dropService(id: string) {
    const s = this.services.get(id);
    if (!s) return;
    this.services.delete(id);
    if (this.byName.get(s.name) === s) this.byName.delete(s.name);
  }

  protected setSliceOf(names: readonly string[], sliceId: string | null) {
    for (const name of names) {
      const svc = this.byName.get(name);
      if (svc) svc.sliceId = sliceId;
    }
  }

  /** Puts the state back to just before `e`. */
  protected undo(e: HistoryEvent): void {
    switch (e.action) {
      case "slice.stage_moved":
      case "slice.rolled_back":
      case "slice.status_changed": {
        const s = this.slices.get(e.entityId);
        if (!s) return void this.orphans++;
        s.stage = e.before.stage;
        this.tally(s.status, -1);
        s.status = e.before.status;
        this.tally(s.status, 1);
        return;
      }
      case "slice.wave_changed": {
        const s = this.slices.get(e.entityId);
        if (!s) return void this.orphans++;
        s.wave = e.before.wave;
        return;
      }
      case "checklist_item.ticked": {
        const s = this.slices.get(e.after.sliceId);
        if (!s) return void this.orphans++;
        s.counts[e.after.state]--;
        s.counts[e.before.state]++;
        const g = e.gateStage ? stageIndex(e.gateStage) : -1;
        if (g >= 0) {
          if (e.after.state === "open") s.gateOpen[g]--;
          if (e.before.state === "open") s.gateOpen[g]++;
        }
        return;
      }
      case "slice.checklist_applied": {
        // Added items were open; removed ones are taken as open (the event keeps no states).
        const s = this.slices.get(e.entityId);
        if (!s) return void this.orphans++;
        s.counts.open += e.after.removed - e.after.added;
        return;
      }
      case "slice.created": {
        const s = this.slices.get(e.entityId);
        if (s) this.tally(s.status, -1);
        this.slices.delete(e.entityId);
        this.setSliceOf(e.after.services, "splitFrom" in e.after ? e.after.splitFrom : null);
        return;
      }
      case "slice.split":
        this.setSliceOf(
          e.before.services.filter((n) => !e.after.services.includes(n)),
          e.entityId,
        );
        return;
      case "slice.merged": {
        const s = this.slices.get(e.entityId);
        if (!s) return void this.orphans++;
        s.name = e.before.name;
        s.wave = e.before.wave;
        return;
      }
      case "slice.deleted": {
        // Only a merge deletes a slice, and only one not started: planned, at 0%, nothing ticked.
        const into = this.slices.get(e.after.mergedInto);
        const there = this.slices.get(e.entityId);
        if (there) this.tally(there.status, -1);
        this.slices.set(e.entityId, {
          id: e.entityId,
          name: e.before.name,
          team: into?.team ?? "",
          wave: into?.wave ?? null,
          stage: "0",
          status: "planned",
          plannedStart: into?.plannedStart ?? null,
          plannedEnd: into?.plannedEnd ?? null,
          counts: { open: 0, done: 0, na: 0 },
          gateOpen: STAGES.map(() => 0),
        });
        this.setSliceOf(e.before.services, e.entityId);
        return;
      }
      case "service.created":
        this.dropService(e.entityId);
        return;
      case "service.deleted": {
        const b = e.before;
        const full = "kind" in b;
        this.putService({
          id: e.entityId,
          name: b.name,
          team: full ? b.team : null,
          sliceId: null,
          peakRps: full ? b.peakRps : null,
          kind: full ? b.kind : "api",
          shared: full ? b.shared : false,
        });
        if (full) for (const d of b.dependents) this.addEdge(d, b.name);
        return;
      }
      case "service.updated": {
        const s = this.services.get(e.entityId);
        if (!s) return void this.orphans++;
        const b = e.before;
        if (b.name !== undefined && b.name !== s.name) {
          if (this.byName.get(s.name) === s) this.byName.delete(s.name);
          s.name = b.name;
          this.byName.set(s.name, s);
        }
        if (b.team !== undefined) s.team = b.team;
        if (b.peakRps !== undefined) s.peakRps = b.peakRps;
        if (b.kind !== undefined) s.kind = b.kind;
        if (b.shared !== undefined) s.shared = b.shared;
        return;
      }
      case "dependency.created": {
        const from = this.byName.get(e.after.from);
        const to = this.byName.get(e.after.to);
        if (from && to) this.edgeChanges.set(edgeKey(from.id, to.id), null);
        return;
      }
      case "dependency.deleted":
        this.addEdge(e.before.from, e.before.to);
        return;
      case "wave.created":
        this.waves.delete(e.entityId);
        return;
      case "wave.updated": {
        const w = this.waves.get(e.entityId);
        if (!w || e.before === null) return; // a restore's update keeps no before
        w.number = e.before.number;
        w.name = e.before.name;
        w.plannedStart = e.before.plannedStart;
        w.plannedEnd = e.before.plannedEnd;
        return;
      }
      case "wave.facilities_changed": {
        const w = this.waves.get(e.entityId);
        if (!w) return void this.orphans++;
        w.facilities = [...e.before.facilities];
        return;
      }
      case "facility.created":
        this.facilities.delete(e.entityId);
        return;
      case "facility.updated":
      case "facility.status_changed": {
        const f = this.facilities.get(e.entityId);
        if (!f || e.before === null) return;
        f.status = e.before.status;
        f.ownerTeamId = e.before.ownerTeamId;
        return;
      }
      default:
        // programme.created and any action the report does not follow change nothing here.
        return;
    }
  }

  protected addEdge(fromName: string, toName: string) {
    const from = this.byName.get(fromName);
    const to = this.byName.get(toName);
    if (from && to) this.edgeChanges.set(edgeKey(from.id, to.id), [from.id, to.id]);
  }
}
