/**
 * Events in words: what an event is about (its kind and name) and one line saying what was
 * done to it ("moved slice Search to 10%", "changed the role of member Grace Mensah
 * (grace@example.com) from lead to manager"). Pure: names of things come in (lib/events/labels.ts
 * looks them up); the event's own payload is the fallback for things since deleted.
 */
import { stageLabel, statusLabel } from "@/lib/slices/stages";
import { facilityStatusLabel } from "@/lib/facilities/schemas";
import { capitalise, formatDate, formatDateTime } from "@/lib/format";
import { parseEvent, type CatalogueEvent } from "./catalogue";
import type { Names, ReadableEvent } from "./describe-changes";

export { changeText, changesOf, type FieldChange, type Names, type ReadableEvent } from "./describe-changes";

/** An event as a feed has it; `before` is needed too, since the catalogue reads the payload whole. */
export type DescribableEvent = ReadableEvent;

const KIND: Record<string, string> = {
  programme: "programme",
  team: "team",
  user: "person",
  membership: "member",
  api_token: "API token",
  service: "service",
  dependency: "dependency",
  slice: "slice",
  wave: "wave",
  checklist_template: "checklist template",
  checklist_item: "checklist item",
  facility: "facility",
  report_note: "report notes",
  report_week: "report week",
  invitation: "sign-in link",
};

/** The word for what an entity is: "facility", "member". */
export const kindOf = (entityType: string): string => KIND[entityType] ?? entityType.replace(/_/g, " ");

/** An action as a filter reads it: "slice.rolled_back" is "Slice: rolled back". */
export function actionLabel(action: string): string {
  const dot = action.indexOf(".");
  if (dot < 0) return action;
  return `${capitalise(kindOf(action.slice(0, dot)))}: ${action.slice(dot + 1).replace(/_/g, " ")}`;
}

const text = (payload: unknown, key: string): string | undefined => {
  const value = payload && typeof payload === "object" ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
};

/** The entity's name from the event itself, for one that is gone or was never looked up. */
function nameFromPayload(event: ReadableEvent): string | undefined {
  const { before, after, entityType } = event;
  const pick = (key: string) => text(after, key) ?? text(before, key);
  if (entityType === "dependency" && pick("from") && pick("to")) return `${pick("from")} → ${pick("to")}`;
  if (entityType === "wave" && pick("number")) return `wave ${pick("number")}${pick("name") ? `: ${pick("name")}` : ""}`;
  if ((entityType === "membership" || entityType === "invitation") && pick("email")) return pick("name") ? `${pick("name")} (${pick("email")})` : pick("email");
  if (entityType === "user" && pick("email")) return pick("email");
  if (entityType === "checklist_item" && pick("title")) return `"${pick("title")}"`;
  if ((entityType === "report_note" || entityType === "report_week") && pick("week")) return `week ${pick("week")}`;
  return pick("name") ?? (pick("title") ? `"${pick("title")}"` : undefined);
}

/** What an event is about: its kind in words and its name (null when nothing names it any more). */
export function objectOf(event: ReadableEvent, names: Names = new Map(), label?: string): { kind: string; name: string | null } {
  const looked = label ?? (event.entityId ? names.get(`${event.entityType}:${event.entityId}`) : undefined);
  return { kind: kindOf(event.entityType), name: looked ?? nameFromPayload(event) ?? null };
}

/**
 * One readable line for an event, as the slice and service histories show it: `label` names
 * the entity when the caller looked it up, without its kind ("moved checkout to 10%").
 */
export function describeEvent(event: ReadableEvent, label?: string): string {
  return lineOf(event, label ?? nameFromPayload(event) ?? kindOf(event.entityType), new Map());
}

/**
 * The line for a feed of a whole programme (the audit log, recent activity): the object named
 * with its kind ("set facility Ingress to ready", "added member Ada (ada@example.com) as lead"),
 * and the ids the payload refers to as names.
 */
export function describeLine(event: ReadableEvent, names: Names = new Map(), label?: string): string {
  const { kind, name } = objectOf(event, names, label);
  // A wave's name already says "wave 2"; a nameless object is "a facility".
  const subject = name === null ? `a ${kind}` : event.entityType === "wave" && /^wave \d/i.test(name) ? name : `${kind} ${name}`;
  return lineOf(event, subject, names);
}

function lineOf(event: ReadableEvent, subject: string, names: Names): string {
  return catalogueLine(event, subject, names) ?? `${event.action.split(".").pop()?.replace(/_/g, " ") ?? event.action} ${subject}`;
}

/**
 * The catalogue's own wording of an event about `subject`, or undefined when the event does not
 * parse or its action has none (the feeds then fall back to the action's verb; the unit tests
 * require wording for every catalogued action, so a new one cannot ship without it).
 */
export function catalogueLine(event: ReadableEvent, subject: string, names: Names = new Map()): string | undefined {
  const parsed = parseEvent(event);
  return parsed.ok ? phrase(parsed.event, subject, names) : undefined;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? word : many}`;
const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
const FORMAT: Record<string, string> = { backstage: "Backstage catalog", csv: "services spreadsheet", ferry: "Ferry backup" };
const PURPOSE: Record<string, string> = { invitation: "invitation", password_reset: "password reset" };

/** A wave cadence in words: "2-week waves from 2 Mar 2026". */
function cadenceText(c: { waveLengthWeeks: number | null; wavesStartOn: string | null }): string {
  const from = c.wavesStartOn ? formatDate(new Date(`${c.wavesStartOn}T00:00:00Z`)) : null;
  if (c.waveLengthWeeks === null) return from ? `waves from ${from}, length not set` : "no cadence";
  return `${c.waveLengthWeeks}-week waves${from ? ` from ${from}` : ", start date not set"}`;
}

/** The line for each catalogued action; undefined falls back to the action's verb. */
function phrase(e: CatalogueEvent, s: string, names: Names): string | undefined {
  switch (e.action) {
    case "programme.created":
      return `created ${s}`;
    case "programme.updated":
      return `changed ${s}`;
    case "programme.plan_applied":
      return `applied a plan to ${s}: ${plural(e.after.waves, "wave")}, ${plural(e.after.moved, "slice")} moved, ${plural(e.after.created, "slice")} created${e.after.violations ? `, ${plural(e.after.violations, "violation")}` : ""}`;
    case "programme.restored":
      return `restored ${s} from a backup, with ${plural(e.after.restoredEvents, "event")} of history`;
    case "programme.cadence_changed":
      return e.after.waveLengthWeeks === null && e.after.wavesStartOn === null
        ? `cleared the wave cadence of ${s} (was ${cadenceText(e.before)})`
        : `set the wave cadence of ${s} to ${cadenceText(e.after)} (was ${cadenceText(e.before)})`;
    case "programme.time_zone_changed":
      return `set the report time zone of ${s} to ${e.after.timeZone} (was ${e.before.timeZone})`;
    case "inventory.imported":
      return `imported a ${FORMAT[e.after.format] ?? e.after.format} into ${s}: ${plural(e.after.created, "service")} created, ${e.after.updated} updated, ${e.after.removed} removed`;
    case "team.created":
    case "wave.created":
    case "checklist_template.created":
    case "slice.created":
      return `created ${s}`;
    case "team.updated":
    case "service.updated":
    case "wave.updated":
    case "facility.updated":
      return `changed ${s}`;
    case "team.people_changed":
      return `changed the leads and members of ${s}`;
    case "team.deleted":
    case "service.deleted":
      return `deleted ${s}`;
    case "service.created":
      return `added ${s} to the inventory`;
    case "dependency.created":
      return `added ${s} (${e.after.kind})`;
    case "dependency.updated":
      return `changed ${s} from ${e.before.kind} to ${e.after.kind}`;
    case "dependency.deleted":
      return `removed ${s}`;
    case "slice.stage_moved":
      return `moved ${s} to ${stageLabel(e.after.stage)}`;
    case "slice.rolled_back":
      return `rolled back ${s} to ${stageLabel(e.after.stage)}: ${e.after.reason}`;
    case "slice.status_changed":
      return `set ${s} to ${statusLabel[e.after.status].toLowerCase()}`;
    case "slice.checklist_applied":
      return `applied the checklist template ${e.after.template} to ${s}`;
    case "slice.rollout_read":
      return `read the rollout of ${s}: ${e.after.sourceKind} ${e.after.name} at ${e.after.weight}%, ${e.after.healthy ? "healthy" : "unhealthy"}`;
    case "slice.wave_changed":
      return `moved ${s} from ${e.before.wave === null ? "no wave" : `wave ${e.before.wave}`} to wave ${e.after.wave}${e.after.breaks?.length ? ", pinned there against the order" : ""}`;
    case "slice.updated":
      return `restored ${s} from a backup`;
    case "slice.split":
      return `split ${e.after.splitOff} off ${s}`;
    case "slice.merged":
      return `merged ${list(e.after.merged)} into ${s}`;
    case "slice.deleted":
      return `merged ${s} into ${names.get(`slice:${e.after.mergedInto}`) ?? "another slice"}`;
    case "slice.renamed":
      return `renamed ${s} (was ${e.before.name})`;
    case "slice.services_changed":
      return `changed the services of ${s}${e.after.added.length ? `: added ${list(e.after.added)}` : ""}${e.after.removed.length ? `${e.after.added.length ? ";" : ":"} took out ${list(e.after.removed)}` : ""}`;
    case "slice.rollback_plan_changed":
      return `changed the rollback plan of ${s}`;
    case "slice.rollback_rehearsed":
      return `recorded a rollback rehearsal of ${s} on ${formatDateTime(new Date(e.after.rehearsedAt))}`;
    case "slice.pin_lifted":
      return `lifted the pin of ${s} to wave ${e.before.pinnedWave}`;
    case "wave.facilities_changed": {
      const added = e.after.facilities.filter((f) => !e.before.facilities.includes(f));
      const removed = e.before.facilities.filter((f) => !e.after.facilities.includes(f));
      return `changed what ${s} requires${added.length ? `: now ${list(added)}` : ""}${removed.length ? `${added.length ? ";" : ":"} no longer ${list(removed)}` : ""}`;
    }
    case "facility.created":
      return `added ${s}`;
    case "facility.status_changed":
      return `set ${s} to ${facilityStatusLabel[e.after.status].toLowerCase()}`;
    case "checklist_template.updated":
      return `restored ${s} from a backup`;
    case "checklist_template.item_added":
      return `added "${e.after.title}" to ${s}`;
    case "checklist_template.item_edited":
      return `edited "${e.after.title}" in ${s}`;
    case "checklist_template.item_removed":
      return `removed "${e.before.title}" from ${s}`;
    case "checklist_template.synced":
      return `updated ${plural(e.after.slices, "slice")} from ${s}: ${plural(e.after.added, "item")} added, ${e.after.updated} changed, ${e.after.removed} removed`;
    case "checklist_item.ticked":
      return e.after.state === "na" ? `marked ${s} not applicable` : e.after.state === "open" ? `reopened ${s}` : `ticked ${s}`;
    case "checklist_item.created":
    case "checklist_item.updated":
      return `restored ${s} from a backup`;
    case "membership.created":
      return `added ${s} as ${e.after.role}`;
    case "membership.role_changed":
      return `changed the role of ${s} from ${e.before.role} to ${e.after.role}`;
    case "membership.removed":
      return `removed ${s} from the programme`;
    case "membership.teams_changed":
      return `changed the teams of ${s}`;
    case "user.created_as_administrator":
      return `set up ${e.after.email} as the administrator`;
    case "user.created_by_sso":
      return `signed in through single sign-on for the first time as ${e.after.email}`;
    case "api_token.created":
      return `created ${s} for ${names.get(`user:${e.after.userId}`) ?? "a person no longer in Ferry"}`;
    case "api_token.revoked":
      return `revoked ${s}`;
    case "invitation.created":
      return `made an invitation for ${e.after.name} (${e.after.email}), valid until ${formatDateTime(new Date(e.after.expiresAt))}`;
    case "password_reset.issued":
      return `made a password reset link for ${e.after.name} (${e.after.email}), valid until ${formatDateTime(new Date(e.after.expiresAt))}`;
    case "invitation.accepted":
      return `used a ${PURPOSE[e.after.purpose]} link to sign in as ${e.after.email}`;
    case "invitation.revoked":
      return `${e.after.reason === "superseded" ? "replaced" : "revoked"} the ${PURPOSE[e.after.purpose]} link of ${e.after.email}`;
    case "report_note.updated":
      return `changed the notes and asks of week ${e.after.week}`;
    case "report_week.closed":
      return `closed the report of week ${e.after.week}`;
    default:
      return undefined;
  }
}
