/**
 * The event catalogue: every action Ferry writes to the audit log, with the entity it is about
 * and the shape of its `before` and `after` (ADR 0027). Writers accept only these actions with
 * payloads of their type (lib/events/record.ts); readers parse rows through the same schemas
 * and fall back to the raw row for one that does not match. Pure: zod only.
 */
import type * as z from "zod";
import { checklistEvents } from "./checklists";
import { inventoryEvents } from "./inventory";
import type { EventDefinition } from "./kit";
import { peopleEvents } from "./people";
import { planEvents } from "./plan";
import { programmeEvents } from "./programme";
import { reportEvents } from "./reports";
import { sliceEvents } from "./slices";

export { ENTITY_TYPES, type EntityType } from "./kit";
export { serviceChangesSchema, type ServiceChanges } from "./inventory";

export const EVENT_CATALOGUE = {
  ...programmeEvents,
  ...inventoryEvents,
  ...sliceEvents,
  ...planEvents,
  ...checklistEvents,
  ...peopleEvents,
  ...reportEvents,
} satisfies Record<string, EventDefinition>;

type Catalogue = typeof EVENT_CATALOGUE;
export type EventAction = keyof Catalogue;
export const EVENT_ACTIONS = Object.keys(EVENT_CATALOGUE) as EventAction[];

/** An action's payload as stored and read: `{ before, after }`, null for a side it does not write. */
export type EventPayload<A extends EventAction> = z.output<Catalogue[A]["payload"]>;
/** The same, as a writer gives it (the tick's state may be any string until it is checked). */
export type PayloadInput<A extends EventAction> = z.input<Catalogue[A]["payload"]>;

// A side that may be null may be left out when writing.
type Optional<P> = P extends { before: infer B; after: infer A } ? (null extends B ? { before?: B } : { before: B }) & (null extends A ? { after?: A } : { after: A }) : never;

/** What a writer gives for one event: the action literal selects the entity type and the payload types. */
export type EventInput = {
  [A in EventAction]: {
    programmeId: string | null;
    entityType: Catalogue[A]["entityType"];
    entityId: string;
    action: A;
    /** Only the seed and restores of history set this; live mutations take the database clock. */
    at?: Date;
  } & Optional<PayloadInput<A>>;
}[EventAction];

/** A distributive Omit, so each action keeps its own payload (TypeScript's Omit would merge them). */
export type EventInputWithout<K extends keyof EventInput> = EventInput extends infer E ? (E extends EventInput ? Omit<E, K> : never) : never;

/** An event read back through the catalogue: narrow on `action` for its payload's type. */
export type CatalogueEvent = {
  [A in EventAction]: { action: A; entityType: Catalogue[A]["entityType"] } & EventPayload<A>;
}[EventAction];

/** A stored event as any reader has it. */
export type StoredEvent = { action: string; entityType: string; before?: unknown; after?: unknown };

export type EventProblem = { path: (string | number)[]; message: string };

export const isEventAction = (action: string): action is EventAction => Object.hasOwn(EVENT_CATALOGUE, action);

/**
 * Reads a stored event through its schema. An unknown action, a wrong entity type or a
 * payload of another shape (a row from before a change of shape, say) is `ok: false` with
 * the reasons, never a throw: a page shows such a row as it is.
 */
export function parseEvent(row: StoredEvent): { ok: true; event: CatalogueEvent } | { ok: false; problems: EventProblem[] } {
  if (!isEventAction(row.action)) return { ok: false, problems: [{ path: ["action"], message: `Unknown event action ${JSON.stringify(row.action)}` }] };
  const definition: EventDefinition = EVENT_CATALOGUE[row.action];
  if (row.entityType !== definition.entityType) {
    return { ok: false, problems: [{ path: ["entityType"], message: `${row.action} is about a ${definition.entityType}, not ${JSON.stringify(row.entityType)}` }] };
  }
  const parsed = definition.payload.safeParse({ before: row.before ?? null, after: row.after ?? null });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => problemOf(row.action, i)) };
  return { ok: true, event: { action: row.action, entityType: definition.entityType, ...(parsed.data as object) } as CatalogueEvent };
}

const pathOf = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === "symbol" ? String(p) : p));

/** One issue as a reader can act on it; for an action with several shapes, why each one failed. */
function problemOf(action: string, issue: z.core.$ZodIssue): EventProblem {
  if (issue.code !== "invalid_union") return { path: pathOf(issue.path), message: issue.message };
  const reasons = issue.errors.map((branch) => branch.map((i) => `${pathOf(i.path).join(".")}: ${i.message}`).join(", "));
  return { path: pathOf(issue.path), message: `matches none of the shapes of ${action} (${reasons.join("; or ")})` };
}
