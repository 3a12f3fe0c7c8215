import { statusLabel } from "@/lib/slices/stages";

/**
 * One readable line for an audit event, for activity feeds ("moved checkout to 10%").
 * `label` names the entity when the caller could look it up; the event's own fields are the
 * fallback.
 */
export function describeEvent(event: { entityType: string; action: string; after: unknown }, label?: string): string {
  const after = (event.after && typeof event.after === "object" ? event.after : {}) as Record<string, unknown>;
  const name = label ?? (typeof after.name === "string" ? after.name : typeof after.title === "string" ? `"${after.title}"` : event.entityType.replace(/_/g, " "));
  const stage = typeof after.stage === "string" ? (after.stage === "mirror" ? "mirror" : `${after.stage}%`) : undefined;
  switch (event.action) {
    case "slice.stage_moved":
      return stage ? `moved ${name} to ${stage}` : `moved ${name}`;
    case "slice.rolled_back":
      return `rolled back ${name}${stage ? ` to ${stage}` : ""}${typeof after.reason === "string" ? `: ${after.reason}` : ""}`;
    case "slice.status_changed":
      return typeof after.status === "string" && after.status in statusLabel ? `set ${name} to ${statusLabel[after.status as keyof typeof statusLabel].toLowerCase()}` : `changed the status of ${name}`;
    case "checklist_item.ticked":
      return after.state === "na" ? `marked ${name} not applicable` : after.state === "open" ? `reopened ${name}` : `ticked ${name}`;
    default: {
      const verb = event.action.split(".").pop()?.replace(/_/g, " ") ?? event.action;
      return `${verb} ${name}`;
    }
  }
}
