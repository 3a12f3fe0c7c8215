/**
 * The bulk tick's boundary: its body, read against the same per-entry rules as a single tick,
 * and its refusals, which name each failing entry by index (API.md) so a pipeline can fix
 * them all in one go.
 */
import { AppError } from "@/lib/errors";
import { tickChecklistItemsSchema, type TickChecklistItemsInput, type TickEntryFailure } from "./schemas";

/**
 * Largest bulk tick body: room for 1,000 entries with long evidence and reasons; anything
 * larger is PAYLOAD_TOO_LARGE before it is read whole or parsed.
 */
export const MAX_TICKS_BODY_BYTES = 6 * 1024 * 1024;

const what = { INVALID: "are not valid", NOT_FOUND: "name no item of this programme's slices", FORBIDDEN: "are on slices you may not tick" } as const;

/** The refusal of a whole bulk tick: `code` with every failing entry, sorted by index, as details. */
export function bulkTickRefusal(code: TickEntryFailure["code"], failures: TickEntryFailure[], total: number): AppError {
  const sorted = [...failures].sort((a, b) => a.index - b.index);
  const failing = new Set(sorted.filter((f) => f.code === code).map((f) => f.index)).size;
  return new AppError(code, `${failing} of the ${total} ticks ${what[code]}; nothing was changed (details names each failing entry).`, sorted);
}

/**
 * Parses a bulk tick body. A problem with one entry is INVALID naming its index (and the
 * field); a problem with the body as a whole (not JSON, no ticks, too many, an unknown field)
 * is INVALID with the per-field details every route gives.
 */
export function parseTicksBody(text: string): TickChecklistItemsInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.");
  }
  const parsed = tickChecklistItemsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const entries: TickEntryFailure[] = [];
  const body: { path: string; message: string }[] = [];
  for (const issue of parsed.error.issues) {
    const [first, index, ...field] = issue.path;
    if (first === "ticks" && typeof index === "number") entries.push({ index, code: "INVALID", path: field.join(".") || "(entry)", message: issue.message });
    else body.push({ path: issue.path.join(".") || "(body)", message: issue.message });
  }
  if (body.length > 0) throw new AppError("INVALID", "The request is not valid.", body);
  throw bulkTickRefusal("INVALID", entries, (raw as { ticks: unknown[] }).ticks.length);
}
