/**
 * The one way to write an audit event. Call it with the transaction client of the mutation
 * it records, so the change and its event commit or fail together.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";

export type EventInput = {
  programmeId: string | null;
  entityType: EntityType;
  entityId: string;
  /** `<entity>.<verb>`, e.g. "slice.stage_moved", "checklist_item.ticked". */
  action: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  /** Only the seed and imports of history set this; live mutations take the database clock. */
  at?: Date;
};

export type EntityType =
  | "programme"
  | "team"
  | "user"
  | "membership"
  | "api_token"
  | "service"
  | "dependency"
  | "slice"
  | "wave"
  | "checklist_template"
  | "checklist_item"
  | "facility"
  | "report_note";

type EventWriter = { event: { create: (args: { data: Prisma.EventUncheckedCreateInput }) => Promise<unknown> } };

/** Appends one event inside the caller's transaction. */
export async function recordEvent(tx: EventWriter, actor: Actor, input: EventInput): Promise<void> {
  await tx.event.create({ data: eventData(actor, input) });
}

/** The row for an event; exported for bulk writers (seed, import) that use createMany. */
export function eventData(actor: Actor, input: EventInput): Prisma.EventUncheckedCreateInput {
  return {
    programmeId: input.programmeId,
    actorId: actor.userId,
    actorName: actor.name,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: input.before ?? undefined,
    after: input.after ?? undefined,
    requestId: actor.requestId,
    at: input.at,
  };
}
