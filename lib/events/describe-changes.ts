/**
 * An event's change as readable fields: each changed field by its name in words, its value
 * before and after as text people read (labels for stages and statuses, names for the ids a
 * payload refers to, lists joined), never JSON. Pure: the names of referenced things come in.
 */
import { appliesToLabel, categoryLabel, itemStateLabel } from "@/lib/checklists/labels";
import { signalLabel } from "@/lib/slices/stage-machine";
import { facilityStatusLabel } from "@/lib/facilities/schemas";
import { isStage, stageLabel, statusLabel } from "@/lib/slices/stages";
import { capitalise, formatDateTime } from "@/lib/format";
import { parseEvent } from "./catalogue";

/** Names of things by "type:id" ("team:c1" → "Checkout"), looked up by lib/events/labels.ts. */
export type Names = ReadonlyMap<string, string>;

/** What a reader has of a stored event. */
export type ReadableEvent = { entityType: string; entityId?: string; action: string; before?: unknown; after?: unknown };

/** One changed field; `from` is null for a field a creation set, `to` null for one a deletion held. */
export type FieldChange = { field: string; from: string | null; to: string | null };

const FIELD_LABELS: Record<string, string> = {
  stage: "Traffic stage",
  status: "Status",
  peakRps: "Peak requests per second",
  configSources: "Configured through",
  configNotes: "Configuration notes",
  dataStores: "Data stores",
  sessionSticky: "Sticky sessions",
  shared: "Shared infrastructure",
  repositoryUrl: "Repository",
  gateStage: "Gates stage",
  appliesTo: "Applies to",
  pinnedWave: "Pinned to wave",
  pinReason: "Pin reason",
  rollbackPlan: "Rollback plan",
  rehearsedAt: "Rehearsed",
  rollbackRehearsedAt: "Rollback rehearsed",
  evidenceUrl: "Evidence",
  contactChannel: "Contact channel",
  ownerTeamId: "Owner team",
  ownerTeam: "Owner team",
  userId: "Person",
  sliceId: "Slice",
  templateId: "Template",
  programmeId: "Reaches",
  mergedInto: "Merged into",
  splitFrom: "Split from",
  splitOff: "Split off as",
  targetDate: "Target date",
  plannedStart: "Planned start",
  plannedEnd: "Planned end",
  actualStart: "Started",
  actualEnd: "Finished",
  capacityPerTeam: "Slices per team per wave",
  wavesCreated: "Waves created",
  restoredEvents: "Events restored",
  peopleCreated: "People created",
  membershipsDropped: "Memberships dropped",
  sourceKind: "Read from",
  proposedKind: "Proposal",
  expiresAt: "Expires",
  timeZone: "Time zone",
  waveLengthWeeks: "Wave length in weeks",
  wavesStartOn: "Waves start on",
  leads: "Leads",
  members: "Members",
  facilities: "Facilities",
  teams: "Teams",
  services: "Services",
  tier: "Tier",
};

/** Fields that say nothing to a person (internal keys and ids shown elsewhere). */
const HIDDEN = new Set(["readingId", "key", "prefix", "firstEventId", "lastEventId", "by"]);

/** Fields that repeat what the row's object already names (a tick's item and slice, an invitation's person). */
const NAMED_BY_OBJECT: Record<string, string[]> = { checklist_item: ["title", "sliceId"], invitation: ["userId", "email", "name"], membership: ["email", "name"] };

/** Which thing an id-valued field names. */
const ID_FIELDS: Record<string, string> = {
  ownerTeamId: "team",
  userId: "user",
  sliceId: "slice",
  templateId: "checklist_template",
  programmeId: "programme",
  mergedInto: "slice",
  splitFrom: "slice",
};

const SLICE_MOVE_KINDS: Record<string, string> = { advance: "move up", skip: "skip stages", rollback: "roll back" };

const MAX_TEXT = 120;
const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** "ownerTeamId" → "Owner team id" style words for a field no label names. */
export function fieldLabel(key: string): string {
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return capitalise(words);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as text: `entityType` tells which status list a status belongs to. */
export function formatValue(key: string, value: unknown, entityType: string, names: Names): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return key === "programmeId" ? "every programme of its owner" : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (ID_FIELDS[key] && typeof value === "string") return names.get(`${ID_FIELDS[key]}:${value}`) ?? `a ${ID_FIELDS[key].replace(/_/g, " ")} no longer in Ferry`;
  if ((key === "stage" || key === "gateStage" || key === "proposed") && isStage(value)) return stageLabel(value);
  if (key === "status" && typeof value === "string") {
    const labels: Record<string, string> = entityType === "facility" ? facilityStatusLabel : statusLabel;
    return labels[value] ?? value.replace(/_/g, " ");
  }
  if (key === "state" && entityType === "checklist_item" && typeof value === "string") return (itemStateLabel as Record<string, string>)[value] ?? value;
  if (key === "category" && typeof value === "string") return (categoryLabel as Record<string, string>)[value] ?? value;
  if (key === "appliesTo" && typeof value === "string") return (appliesToLabel as Record<string, string>)[value] ?? value;
  if ((key === "pinnedWave" || key === "wave") && typeof value === "number") return `wave ${value}`;
  if (key === "kind" && entityType === "slice" && typeof value === "string") return SLICE_MOVE_KINDS[value] ?? value;
  if (key === "signal" && entityType === "slice" && typeof value === "string") return signalLabel(value);
  if (typeof value === "string") return cut(INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? formatDateTime(new Date(value)) : value);
  if (typeof value === "number") return value.toLocaleString("en-GB");
  if (Array.isArray(value)) return cut(value.map((v) => (isRecord(v) ? recordText(v) : formatValue(key, v, entityType, names))).join(", "));
  if (isRecord(value)) return cut(recordText(value));
  return cut(String(value));
}

// An entry of a list: a team place ("Checkout (lead)"), a person ("Ada (ada@example.com)"), or its fields.
function recordText(v: Record<string, unknown>): string {
  if (typeof v.team === "string") return `${v.team}${v.lead ? " (lead)" : ""}`;
  if (typeof v.name === "string" && typeof v.email === "string") return `${v.name} (${v.email})`;
  if (typeof v.name === "string") return v.name;
  return Object.entries(v)
    .map(([k, x]) => `${fieldLabel(k).toLowerCase()} ${x === null || x === undefined ? "none" : String(x)}`)
    .join(", ");
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * The fields an event changed, in its payload's order, read through the catalogue (a row it
 * cannot read is shown from what is stored). A creation lists the fields it set, a deletion the
 * ones it held, and a field only one side has is that side's; fields a person has no use for
 * (internal keys) are left out.
 */
export function changesOf(event: ReadableEvent, names: Names = new Map()): FieldChange[] {
  const parsed = parseEvent(event);
  const before: unknown = parsed.ok ? parsed.event.before : event.before;
  const after: unknown = parsed.ok ? parsed.event.after : event.after;
  if (!isRecord(before) && !isRecord(after)) {
    if (same(before, after)) return [];
    return [{ field: "Value", from: empty(before) ? null : formatValue("value", before, event.entityType, names), to: empty(after) ? null : formatValue("value", after, event.entityType, names) }];
  }
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  const named = NAMED_BY_OBJECT[event.entityType] ?? [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k) && !named.includes(k));
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const from = b?.[key];
    const to = a?.[key];
    if (b && a && same(from, to)) continue;
    // A creation's empty fields and a deletion's empty fields say nothing.
    if ((!b && empty(to)) || (!a && empty(from))) continue;
    // A field on one side only (a deletion's "merged into", a move's kind) is shown as what that side says.
    changes.push({ field: fieldLabel(key), from: b && key in b ? formatValue(key, from, event.entityType, names) : null, to: a && key in a ? formatValue(key, to, event.entityType, names) : null });
  }
  return changes;
}

/** A change in one line: "Status: Not started → Ready". */
export const changeText = (c: FieldChange): string => `${c.field}: ${c.from === null ? c.to : c.to === null ? `${c.from} (removed)` : `${c.from} → ${c.to}`}`;
