/**
 * Service fields read from and written to plain text. CSV cells and Backstage annotations
 * only carry strings, so the conversion, and what an empty value means, live in one place.
 */
import { byString, inventoryServiceSchema, type InventoryService, type ServiceField } from "./model";

type TextKind = "text" | "bool" | "int" | "enum" | "list";

const KIND_OF: Record<ServiceField, TextKind> = {
  description: "text",
  team: "text",
  kind: "enum",
  stateful: "bool",
  shared: "bool",
  dataStores: "list",
  sessionSticky: "bool",
  configSources: "list",
  configNotes: "text",
  launchCommand: "text",
  buildCommand: "text",
  migrateCommand: "text",
  peakRps: "int",
  tier: "int",
  legacyPlatform: "text",
  targetCluster: "text",
  targetNamespace: "text",
  strategy: "enum",
  repositoryUrl: "text",
  system: "text",
  tags: "list",
};

/** Separators accepted inside one list value ("a;b" or "a,b"); exports write ";". */
export const LIST_SEPARATOR = /[;,]/;

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/** A problem with one field, named by the model's field so each format can say it in its own words. */
export type FieldError = { field: ServiceField | "name"; message: string };

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * One field from text. Empty text clears what can be empty (text, lists, peak RPS: null or [])
 * and leaves undescribed what cannot (booleans, tier, kind, strategy), so a blank cell never
 * silently resets a value someone chose in Ferry.
 */
export function fieldFromText(field: ServiceField, raw: string): Converted {
  const s = raw.trim();
  const kind = KIND_OF[field];
  if (s === "") {
    if (kind === "list") return { ok: true, value: [] };
    if (kind === "text" || field === "peakRps") return { ok: true, value: null };
    return { ok: true, value: undefined };
  }
  switch (kind) {
    case "text":
      return { ok: true, value: s };
    case "enum":
      return { ok: true, value: s.toLowerCase() };
    case "list": {
      const items = s.split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean);
      return { ok: true, value: field === "configSources" ? items.map((x) => x.toLowerCase()) : items };
    }
    case "bool": {
      const b = s.toLowerCase();
      if (TRUE.has(b)) return { ok: true, value: true };
      if (FALSE.has(b)) return { ok: true, value: false };
      return { ok: false, message: `must be true or false (got ${JSON.stringify(s)})` };
    }
    case "int":
      return /^\+?\d{1,15}$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, message: `must be a whole number (got ${JSON.stringify(s)})` };
  }
}

/** A service from its textual fields, validated by the model schema; `service` is null when anything is wrong. */
export function serviceFromText(
  name: string,
  cells: Partial<Record<ServiceField, string>>,
): { service: InventoryService | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = { name };
  for (const [field, raw] of Object.entries(cells) as [ServiceField, string | undefined][]) {
    if (raw === undefined) continue;
    const r = fieldFromText(field, raw);
    if (r.ok) input[field] = r.value;
    else errors.push({ field, message: r.message });
  }
  const parsed = inventoryServiceSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({ field: (issue.path[0] as ServiceField | "name" | undefined) ?? "name", message: issue.message });
    }
  }
  return { service: errors.length === 0 && parsed.success ? parsed.data : null, errors };
}

/** A field's value as text, the inverse of fieldFromText (sets sorted so the output is stable). */
export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(String).sort(byString).join(";");
  return String(value);
}
