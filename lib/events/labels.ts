import "server-only";
import { db } from "@/lib/db";

type LabelledEvent = { entityType: string; entityId: string };

/**
 * Human names for the entities a list of events is about ("checkout", "Probes on checkout"),
 * looked up in two small queries. Events keep ids, not names: names change, ids do not.
 */
export async function entityLabels(events: LabelledEvent[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const [slices, items, services] = await Promise.all([
    ids("slice").length ? db.slice.findMany({ where: { id: { in: ids("slice") } }, select: { id: true, name: true } }) : [],
    ids("checklist_item").length
      ? db.checklistItem.findMany({ where: { id: { in: ids("checklist_item") } }, select: { id: true, title: true, slice: { select: { name: true } } } })
      : [],
    ids("service").length ? db.service.findMany({ where: { id: { in: ids("service") } }, select: { id: true, name: true } }) : [],
  ]);
  const labels = new Map<string, string>();
  for (const s of slices) labels.set(`slice:${s.id}`, s.name);
  for (const s of services) labels.set(`service:${s.id}`, s.name);
  for (const i of items) labels.set(`checklist_item:${i.id}`, `"${i.title}" on ${i.slice.name}`);
  return labels;
}
