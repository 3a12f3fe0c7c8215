/**
 * URL parts for the fuzzer: path segments and query strings built from an OpenAPI path
 * template, each either right (a real slug, a real slice id) or hostile (escapes that
 * decodeURIComponent throws on, encoded NUL and surrogates, dot segments, 10 kB segments).
 */
import fc from "fast-check";
import { hostileString } from "./fuzz-hostile";

/** `arb` one time in `n`, else null (fc.option's freq is the other way round: 1/freq is the chance of null). */
export const oneIn = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** Escapes that are malformed or decode to something no name holds. */
export const MALFORMED_ESCAPES = ["%", "%%", "%zz", "%E0%A4%A", "%ED%A0%80", "%C0%AE", "%FF", "%00", "%u0041", "%2", "a%", "%25%", "%F4%90%80%80"];

/**
 * Percent-encodes any JavaScript string, including lone surrogates (as the WTF-8 bytes a
 * sloppy client would send), which encodeURIComponent refuses to encode.
 */
export function percentEncode(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (/^[A-Za-z0-9\-._~]$/.test(ch)) out += ch;
    else if (code >= 0xd800 && code <= 0xdfff) out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map(hex).join("");
    else out += [...Buffer.from(ch, "utf8")].map(hex).join("");
  }
  return out;
}
const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`;

/** A segment no route should find, or should refuse cleanly. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MALFORMED_ESCAPES) },
  { weight: 3, arbitrary: hostileString.filter((s) => s.length < 20_000).map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom("", ".", "..", "%2e%2e", "%2F", "..%2F..%2F", "a".repeat(10_000), "\u00ff\u00e9", "~", "%20") },
);

export type Segment = { literal: string } | { param: string };

export function segmentsOf(template: string): Segment[] {
  return template
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("{") ? { param: s.slice(1, -1) } : { literal: s }));
}

/**
 * A path for `template`: params from `params` (already chosen to be real), each segment
 * replaced by a hostile one with small probability. Returns the path and whether it was mutated.
 */
export function pathFor(template: string, params: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<{ path: string; mutated: boolean }> {
  const segs = segmentsOf(template);
  // About one path in four gets a hostile segment. "api" stays, so that the answer is still
  // the API's to give (and its properties apply); "v1" is replaced only now and then.
  const perSegment = segs.map((s, i) => (i === 0 ? fc.constant(null) : oneIn(hostileSegment, "literal" in s && s.literal === "v1" ? 60 : 16)));
  return fc.tuple(params, fc.tuple(...perSegment), oneIn(fc.constantFrom("/", "/extra", "/%zz", "/..", "//x"), 12)).map(([values, hostile, suffix]) => {
    const parts = segs.map((s, i) => hostile[i] ?? ("literal" in s ? s.literal : percentEncode(values[s.param] ?? "x")));
    const mutated = hostile.some((h) => h !== null) || suffix !== null;
    return { path: `/${parts.join("/")}${suffix ?? ""}`, mutated };
  });
}

/** A query string for the given parameters: each absent, valid, or hostile; sometimes extras. */
export function queryFor(params: { name: string; value: fc.Arbitrary<unknown> }[]): fc.Arbitrary<string> {
  const one = (name: string, value: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 6, arbitrary: value.map((v) => `${name}=${percentEncode(String(v))}`) },
      { weight: 2, arbitrary: hostileString.filter((s) => s.length < 20_000).map((v) => `${name}=${percentEncode(v)}`) },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_ESCAPES).map((v) => `${name}=${v}`) },
      { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => `${name}=${percentEncode(String(a))}&${name}=${percentEncode(String(b))}`) },
    );
  const extras = oneIn(fc.constantFrom("__proto__[isAdmin]=1", "constructor.prototype.x=1", "%zz=1", "=", "&&", "a".repeat(8_000) + "=1"), 8);
  return fc.tuple(fc.tuple(...params.map((p) => one(p.name, p.value))), extras).map(([parts, extra]) => {
    const all = [...parts, extra].filter((p): p is string => p !== null);
    return all.length ? `?${all.join("&")}` : "";
  });
}
