/**
 * Hostile values for the fuzzer: the strings, numbers and shapes that have broken JSON APIs
 * before (each family names the failure it provokes), and a JSON writer that can emit what
 * JSON.stringify cannot be asked for directly: own `__proto__` keys and very deep nesting.
 */
import fc from "fast-check";

/** JSON text spliced verbatim into a document (deep nesting, duplicate keys, NaN). */
export class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return this.text.length > 60 ? `${this.text.slice(0, 60)}…(${this.text.length} chars)` : this.text;
  }
}

/** Serialises plain data, RawJson and own `__proto__` keys (JSON.stringify drops none of these, but object literals cannot make them). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  // undefined would vanish from an object; as a value here it stands for an absent body field.
  return value === undefined ? "null" : JSON.stringify(value);
}

/** An object with `key` as an own property, even when the key is `__proto__`. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

// Each family is what a layer below the schema has choked on: NUL and lone surrogates in
// PostgreSQL text and jsonb, bidi and zero-width tricks in names shown to people, dates and
// integers that fit JavaScript but not PostgreSQL, escapes that decodeURIComponent throws on.
const SPECIAL_STRINGS = [
  "",
  " ",
  "\t\n\r",
  "a\u0000b",
  "\u0000",
  "\u0001\u001b[31mred\u007f",
  "\ud800",
  "x\udfffy",
  "\udbff\udbff",
  "\u202eevil\u202c.exe",
  "\u200b\u200c\u200d\ufeff",
  "\u0661\u0662\u0663 \u05e9\u05dc\u05d5\u05dd",
  "🚀👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301\u0301",
  "\uffff\ufffe",
  "'; DROP TABLE \"Service\"; --",
  "<script>alert(1)</script>",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "%00%zz%E0%A4%A",
  "9999-12-31",
  "0000-01-01",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "2024-02-30",
  "2024-13-01T25:61:61Z",
  "1970-01-01T00:00:00Z",
  "NaN",
  "Infinity",
  "1e309",
  "-0",
  "0x7fffffff",
  "9223372036854775808",
];

/** Strings a schema may or may not accept, none of which may crash the server. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_001, 100_000, 1_048_577).map((n) => "a".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 60_000).map((n) => "é🚀".repeat(n)) },
);

// 2^31 and 2^63 overflow PostgreSQL int4 and int8; 2^53 + 1 is not an exact JavaScript integer.
const SPECIAL_NUMBERS = [0, -1, -0, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 1e308, 5e-324];

/** Deeply nested arrays or objects, written as text so that building them costs nothing. */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(64, 1_000, 20_000, 200_000), fc.boolean())
  .map(([depth, objects]) => new RawJson(objects ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}${"]".repeat(depth)}`));

/** A value of the wrong type for a field, or the right type at its extremes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.constantFrom(new RawJson("NaN"), new RawJson("-Infinity"), new RawJson("1e999"), new RawJson('"\\ud800"'), new RawJson("123456789012345678901234567890")) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(2_000, 100_000).map((n) => new RawJson(`[${Array(n).fill('"x"').join(",")}]`)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => withOwnKey({}, k, { isAdmin: true, polluted: v })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Bodies that are not JSON documents at all, or are JSON only to a lenient parser. */
export const brokenJsonText: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom<string | Buffer>(
    "",
    "{",
    '{"a":',
    "null",
    "[]",
    '"just a string"',
    "\ufeff{}",
    "{'single': 'quotes'}",
    '{"a":1,"a":2}',
    "{/* comment */}",
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from('{"name":"x"}', "utf16le"),
    "name=x&role=manager",
    "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n",
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** Content types a JSON route may be sent, most of them wrong. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  undefined,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=b",
  "application/json; charset=utf-16",
  "application/yaml",
  "text/csv",
  "application/octet-stream",
  "*/*",
  `application/${"x".repeat(4000)}`,
);

/** Methods: the usual, the rarely routed, and ones Node's parser knows but no route implements. */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "COPY", "LOCK", "SEARCH", "PURGE", "REPORT", "M-SEARCH", "QUERY"];
