/**
 * Valid values from the JSON Schemas of the served OpenAPI document (which lib/api/openapi.ts
 * generates from the zod schemas that validate requests), as fast-check arbitraries. The
 * fuzzer starts from these and mutates them, so a mutation lands next to a request the server
 * would accept, where validation bugs live, rather than on an obviously broken one.
 */
import fc from "fast-check";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/**
 * Values some fields must hold to get past the first check (a known email, a real slug), by
 * property name; the schema alone says only "string" for them.
 */
export type FieldHints = Record<string, fc.Arbitrary<unknown>>;

// Long enough to reach the length limits of the schemas (names of 100, reasons of 500) now
// and then, short enough that most requests stay small and fast.
const MAX_FREE_STRING = 120;

/** An arbitrary of values that satisfy `schema` (as far as JSON Schema can say). */
export function valueFor(schema: JsonSchema, hints: FieldHints = {}, name?: string): fc.Arbitrary<unknown> {
  if (name && hints[name]) return hints[name];
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => valueFor(s, hints, name)));
  if (schema.allOf?.length) return valueFor(Object.assign({}, ...schema.allOf), hints, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return objectFor(schema, hints);
    case "array": {
      const items = schema.items ? valueFor(schema.items, hints) : fc.jsonValue();
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    }
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer({ min: lower(schema, Number.MIN_SAFE_INTEGER), max: upper(schema, Number.MAX_SAFE_INTEGER) });
    case "number":
      return fc.double({ min: lower(schema, -1e12), max: upper(schema, 1e12), noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const lower = (s: JsonSchema, fallback: number) => Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : fallback), Number.MIN_SAFE_INTEGER);
const upper = (s: JsonSchema, fallback: number) => Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : fallback), Number.MAX_SAFE_INTEGER);

function objectFor(schema: JsonSchema, hints: FieldHints): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, hints, k)]));
  return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? MAX_FREE_STRING, MAX_FREE_STRING * 5));
  if (schema.pattern) {
    // Patterns in these schemas are anchored (slugs, ISO dates); lengths are then the pattern's.
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  }
  if (schema.format === "date") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === "email") return fc.emailAddress();
  if (schema.format === "uri") return fc.webUrl();
  return fc.string({ minLength: min, maxLength: max, unit: "grapheme" }).map((s) => (s.trim().length >= min ? s : s.padEnd(min, "x")));
}
