/**
 * A readable before/after diff for an audit event: the fields that changed, each with its old
 * and new value as short text.
 */
import { parseEvent, type StoredEvent } from "@/lib/events/catalogue";

export type FieldChange = { field: string; from: string; to: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Short text for a value: strings as they are, everything else as compact JSON, cut at 120 chars. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The changed fields between two event payloads (objects compare field by field). */
export function diffPayloads(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ field: "value", from: formatValue(before), to: formatValue(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, from: formatValue(b[f]), to: formatValue(a[f]) }));
}

/**
 * The changed fields of a stored event, read through the event catalogue. A row the catalogue
 * does not describe (an old shape, an action since retired) is diffed as stored: the audit log
 * shows every event, whatever its shape.
 */
export function diffEvent(event: StoredEvent): FieldChange[] {
  const parsed = parseEvent(event);
  return parsed.ok ? diffPayloads(parsed.event.before, parsed.event.after) : diffPayloads(event.before, event.after);
}
