/**
 * The deterministic part of the fuzz run: every malformed escape in every path segment of
 * every operation, and every method on every operation's path, with and without a token.
 * Random generation reaches these too, but only by chance; these must be tried on every run.
 */
import type { FuzzCase, FuzzContext, OpenApiDocument } from "./fuzz-cases";
import { METHODS } from "./fuzz-hostile";
import { percentEncode, segmentsOf } from "./fuzz-paths";

// One of each kind (a lone "%", a non-hex escape, a truncated sequence, an encoded surrogate,
// an encoded NUL); the random part tries the others.
const SWEEP_ESCAPES = ["%", "%zz", "%E0%A4%A", "%ED%A0%80", "%00"];

function realPath(template: string, ctx: FuzzContext): string[] {
  const slice = ctx.slices[0];
  const values: Record<string, string> = { slug: ctx.slug, id: slice.id, itemId: slice.items[0] ?? "none" };
  return segmentsOf(template).map((s) => ("literal" in s ? s.literal : percentEncode(values[s.param] ?? "x")));
}

const jsonHeaders = (token: string | null): Record<string, string> => ({ "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) });

export function sweepCases(doc: OpenApiDocument, ctx: FuzzContext): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    const parts = realPath(template, ctx);
    for (const method of Object.keys(methods)) {
      for (let i = 0; i < parts.length; i++) {
        for (const escape of SWEEP_ESCAPES) {
          const broken = parts.map((p, j) => (j === i ? escape : p));
          cases.push({
            method: method.toUpperCase(),
            path: `/${broken.join("/")}`,
            operation: `${method.toUpperCase()} ${template}`,
            wellFormedTarget: false,
            auth: "admin",
            headers: jsonHeaders(ctx.tokens.admin),
            body: method === "get" ? undefined : "{}",
            mutations: [`segment ${i} = ${escape}`],
          });
        }
      }
    }
    // Every method on the operation's own path: with the admin token, and with none.
    for (const method of METHODS) {
      for (const auth of ["admin", "none"] as const) {
        cases.push({
          method,
          path: `/${parts.join("/")}`,
          operation: `${Object.keys(methods)[0].toUpperCase()} ${template}`,
          wellFormedTarget: false,
          auth,
          headers: jsonHeaders(auth === "admin" ? ctx.tokens.admin : null),
          body: method === "GET" || method === "HEAD" ? undefined : "{}",
          mutations: [`method ${method}`],
        });
      }
    }
  }
  return cases;
}
