/** One readable line for an audit event, for activity feeds ("moved checkout-api to 10%"). */
export function describeEvent(event: { entityType: string; action: string; after: unknown }): string {
  const after = (event.after && typeof event.after === "object" ? event.after : {}) as Record<string, unknown>;
  const name = typeof after.name === "string" ? after.name : event.entityType.replace(/_/g, " ");
  const stage = typeof after.stage === "string" ? (after.stage === "mirror" ? "mirror" : `${after.stage}%`) : undefined;
  switch (event.action) {
    case "slice.stage_moved":
      return stage ? `moved ${name} to ${stage}` : `moved ${name}`;
    case "slice.rolled_back":
      return `rolled back ${name}${stage ? ` to ${stage}` : ""}${typeof after.reason === "string" ? `: ${after.reason}` : ""}`;
    case "checklist_item.ticked":
      return after.state === "na" ? `marked "${after.title ?? "an item"}" not applicable` : after.state === "open" ? `reopened "${after.title ?? "an item"}"` : `ticked "${after.title ?? "an item"}"`;
    default: {
      const verb = event.action.split(".").pop()?.replace(/_/g, " ") ?? event.action;
      return `${verb} ${name}`;
    }
  }
}
