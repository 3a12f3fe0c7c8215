import { statusLabel, stageLabel } from "@/lib/slices/stages";
import { parseEvent, type CatalogueEvent } from "./catalogue";

/** An event as a feed has it; `before` is needed too, since the catalogue reads the payload whole. */
export type DescribableEvent = { entityType: string; action: string; before: unknown; after: unknown };

const field = (payload: unknown, key: string): string | undefined => {
  const value = payload && typeof payload === "object" ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
};

/**
 * One readable line for an audit event, for activity feeds ("moved checkout to 10%").
 * `label` names the entity when the caller could look it up; the event's own fields are the
 * fallback. The event is read through the catalogue; one it does not describe (an old row)
 * still gets a line, from its action's verb.
 */
export function describeEvent(event: DescribableEvent, label?: string): string {
  const title = field(event.after, "title");
  const name = label ?? field(event.after, "name") ?? (title ? `"${title}"` : event.entityType.replace(/_/g, " "));
  const parsed = parseEvent(event);
  return (parsed.ok && describeKnown(parsed.event, name)) || `${event.action.split(".").pop()?.replace(/_/g, " ") ?? event.action} ${name}`;
}

/** The line for the actions that say more than their verb; undefined for the rest. */
function describeKnown(event: CatalogueEvent, name: string): string | undefined {
  switch (event.action) {
    case "slice.stage_moved":
      return `moved ${name} to ${stageLabel(event.after.stage)}`;
    case "slice.rolled_back":
      return `rolled back ${name} to ${stageLabel(event.after.stage)}: ${event.after.reason}`;
    case "slice.status_changed":
      return `set ${name} to ${statusLabel[event.after.status].toLowerCase()}`;
    case "checklist_item.ticked":
      return event.after.state === "na" ? `marked ${name} not applicable` : event.after.state === "open" ? `reopened ${name}` : `ticked ${name}`;
    default:
      return undefined;
  }
}
