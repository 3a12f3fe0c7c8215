/**
 * Bulk work as one line. An import, an applied plan, a bulk edit or a template sync writes
 * many events in one request; a feed shows them as one entry ("imported 37 services and 52
 * dependencies") that opens onto the events it holds. Which request an event belongs to is the
 * caller's to say (lib/events/labels.ts, bulkWork, reads the request ids); without it, one actor at
 * one instant is one piece of work. Pure.
 */
import { kindOf } from "./describe";

type Groupable = { actorName: string; at: Date; action: string; entityType: string };

/** A feed entry: one event, or the events of one piece of bulk work (oldest first as stored, newest first as read). */
export type FeedEntry<E> = { kind: "event"; event: E } | { kind: "bulk"; events: E[]; lead: E };

/** Actions that are the head of bulk work: they say what the whole was. */
const LEADS = ["inventory.imported", "programme.plan_applied", "programme.restored", "checklist_template.synced", "slice.checklist_applied"];

/** One piece of work by its actor and instant, for events whose request is not known. */
export const bulkKeyOf = (e: { actorName: string; at: Date }): string => `${e.actorName}\u0000${e.at.toISOString()}`;

/** At least this many events of one transaction read better as one line (a tick and the status it changed stay two). */
const BULK_SIZE = 3;

/** Runs of events of one piece of work (`keyOf`), as entries: bulk when the run is large or led by a bulk action. */
export function groupEvents<E extends Groupable>(events: readonly E[], keyOf: (e: E) => string = bulkKeyOf): FeedEntry<E>[] {
  const entries: FeedEntry<E>[] = [];
  for (let i = 0; i < events.length; ) {
    let j = i + 1;
    const key = keyOf(events[i]);
    while (j < events.length && keyOf(events[j]) === key) j++;
    const run = events.slice(i, j);
    const lead = run.find((e) => LEADS.includes(e.action));
    if (run.length >= BULK_SIZE || (lead && run.length > 1)) entries.push({ kind: "bulk", events: run, lead: lead ?? run[0] });
    else for (const event of run) entries.push({ kind: "event", event });
    i = j;
  }
  return entries;
}

// What each kind of event did, for counting: [verb, noun] ("created", "service").
function doneOf(e: { action: string; entityType: string }): [string, string] {
  const verb = e.action.split(".").pop() ?? e.action;
  const noun = e.entityType === "membership" ? "member" : kindOf(e.entityType);
  if (verb === "created") return [e.entityType === "service" || e.entityType === "dependency" || e.entityType === "membership" ? "added" : "created", noun];
  if (verb === "updated") return ["changed", noun];
  if (verb === "deleted") return [e.entityType === "dependency" ? "removed" : "deleted", noun];
  if (verb === "wave_changed") return ["moved", noun];
  if (verb === "status_changed") return ["changed the status of", noun];
  if (verb === "ticked") return ["ticked", "checklist item"];
  return [verb.replace(/_/g, " "), noun];
}

const counted = (n: number, noun: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? noun : noun === "dependency" ? "dependencies" : noun === "person" ? "people" : `${noun}s`}`;
const join = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

type Tally = Map<string, Map<string, number>>;

/** How many events of each action some bulk work wrote (all of them, where a feed shows part). */
export type ActionCounts = readonly { action: string; entityType: string; count: number }[];

/** What the events did, by verb then noun (the bulk's lead left out: it is the whole). */
function tally(counts: ActionCounts): Tally {
  const byVerb: Tally = new Map();
  for (const e of counts) {
    if (LEADS.includes(e.action)) continue;
    const [verb, noun] = doneOf(e);
    const nouns = byVerb.get(verb) ?? new Map<string, number>();
    nouns.set(noun, (nouns.get(noun) ?? 0) + e.count);
    byVerb.set(verb, nouns);
  }
  return byVerb;
}

const countEach = (events: readonly Groupable[]): ActionCounts => events.map((e) => ({ action: e.action, entityType: e.entityType, count: 1 }));

// The inventory in its usual order (services, then what connects them, then who owns them), the rest after.
const NOUN_ORDER = ["service", "dependency", "team", "slice", "wave", "member"];
const rank = (noun: string) => (NOUN_ORDER.includes(noun) ? NOUN_ORDER.indexOf(noun) : NOUN_ORDER.length);
const nounsText = (nouns: Map<string, number>) => join([...nouns].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1]).map(([noun, n]) => counted(n, noun)));
const tallyText = (t: Tally) => [...t].map(([verb, nouns]) => `${verb} ${nounsText(nouns)}`).join("; ");

/** Counts of what the events did, in words: "added 37 services and 52 dependencies; changed 2 services". */
export const countsOf = (events: readonly Groupable[]): string => tallyText(tally(countEach(events)));

/**
 * The one line of a piece of bulk work: what its lead says it was, then what it did, counted from
 * `whole` when the caller looked up all of it (lib/events/labels.ts, bulkTallies), else from the
 * events at hand.
 */
export function describeBulk(entry: { events: readonly Groupable[]; lead: Groupable }, whole?: ActionCounts): string {
  const t = tally(whole ?? countEach(entry.events));
  switch (entry.lead.action) {
    case "inventory.imported": {
      // "imported 37 services and 52 dependencies": what the import created is what it brought in.
      const brought = new Map<string, number>();
      for (const verb of ["added", "created"]) for (const [noun, n] of t.get(verb) ?? []) brought.set(noun, (brought.get(noun) ?? 0) + n);
      t.delete("added");
      t.delete("created");
      const rest = tallyText(t);
      if (brought.size === 0) return `imported a file${rest ? `: ${rest}` : " that changed nothing"}`;
      return `imported ${nounsText(brought)}${rest ? `; ${rest}` : ""}`;
    }
    case "programme.plan_applied":
      return `applied a plan${t.size ? `: ${tallyText(t)}` : ""}`;
    case "programme.restored":
      return `restored a backup${t.size ? `: ${tallyText(t)}` : ""}`;
    case "checklist_template.synced":
    case "slice.checklist_applied":
      return `updated checklists from a template${t.size ? `: ${tallyText(t)}` : ""}`;
    default:
      return tallyText(t);
  }
}
