/** Turns an inventory diff into the import report a person (or a script) reads. Pure. */
import { summarizeDiff, type InventoryDiff } from "./diff";
import type { RowError } from "./model";
import type { ImportReport } from "./schemas";

/** The report for a diff; `extras` adds what a Ferry backup's other collections did. */
export function buildReport(
  diff: InventoryDiff | null,
  opts: { errors: RowError[]; warnings?: RowError[]; applied: boolean; removed?: number; extras?: { created: number; updated: number; unchanged: number } },
): ImportReport {
  const sum = diff ? summarizeDiff(diff) : { created: 0, updated: 0, unchanged: 0, removable: 0 };
  const extras = opts.extras ?? { created: 0, updated: 0, unchanged: 0 };
  return {
    created: sum.created + extras.created,
    updated: sum.updated + extras.updated,
    unchanged: sum.unchanged + extras.unchanged,
    errors: opts.errors,
    applied: opts.applied,
    removable: sum.removable,
    removed: opts.removed ?? 0,
    warnings: opts.warnings ?? [],
    changes: {
      teams: {
        create: diff?.teams.create.map((t) => t.name) ?? [],
        update: diff?.teams.update.map((t) => t.name) ?? [],
        remove: diff?.teams.remove ?? [],
      },
      services: {
        create: diff?.services.create.map((s) => s.name) ?? [],
        update: diff?.services.update.map((s) => ({ name: s.name, fields: s.changes.map((c) => c.field) })) ?? [],
        remove: diff?.services.remove ?? [],
      },
      dependencies: {
        create: diff?.dependencies.create.map((d) => ({ from: d.from, to: d.to, kind: d.kind })) ?? [],
        update: diff?.dependencies.update.map((d) => ({ from: d.from, to: d.to, was: String(d.changes[0].from), kind: String(d.changes[0].to) })) ?? [],
        remove: diff?.dependencies.remove.map((d) => ({ from: d.from, to: d.to, kind: d.kind })) ?? [],
      },
    },
  };
}
