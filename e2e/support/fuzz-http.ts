/**
 * Sends fuzz cases over keep-alive connections (eight at a time, as Playwright's request
 * context cannot send odd methods, raw bytes or malformed escapes verbatim) and states the
 * properties every answer must have.
 */
import http from "node:http";
import type { z } from "zod";
import { errorEnvelopeSchema } from "../../lib/api/openapi";
import { operations } from "../../lib/api/operations";
import { httpStatusOf } from "../../lib/errors";
import type { FuzzCase } from "./fuzz-cases";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number } | { error: string; ms: number };

export type Violation = { property: string; detail: string };

// A redirect for a 10 kB path echoes it in Location: a larger header limit than Node's 16 kB
// keeps that an answer to check, not a client-side parse error.
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
// Enough for any error envelope; success bodies (exports) are not inspected past this.
const MAX_KEPT = 256 * 1024;

/** Slugs of the programmes the fuzzer's requests created (POST /programmes with the admin token), for the spec to remove. */
export const createdProgrammes = new Set<string>();

function noteCreated(c: FuzzCase, a: Answer) {
  if ("error" in a || a.status !== 201 || c.method !== "POST" || c.path.split("?")[0] !== "/api/v1/programmes") return;
  try {
    createdProgrammes.add((JSON.parse(a.body) as { slug: string }).slug);
  } catch {
    // not the documented answer: the property checks report it
  }
}

/** One request; a transport failure is an answer too (the property checks refuse it). */
export function send(base: string, c: FuzzCase, timeoutMs = 30_000): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: Answer) => {
      if (!settled) {
        noteCreated(c, a);
        resolve(a);
      }
      settled = true;
    };
    let req: http.ClientRequest;
    try {
      // Node frames a GET, HEAD, DELETE or OPTIONS body with nothing at all unless told its
      // length: the bytes would then be read as the next request on the connection.
      const headers = c.body === undefined ? c.headers : { ...c.headers, "content-length": String(Buffer.byteLength(c.body)) };
      // The path goes as generated: given as a URL string, it would be resolved first (WHATWG
      // URL turns `/api/%2e%2e/x` into `/x`, `/a/..` into `/` and `\` into `/`), and the
      // server would never see the dot segments and backslashes the cases hold.
      const { protocol, hostname, port } = new URL(base);
      req = http.request({ protocol, hostname, port, path: c.path, method: c.method, headers, agent, timeout: timeoutMs, maxHeaderSize: 1024 * 1024 }, (res) => {
        // A live stream (GET /programmes/{slug}/stream) never ends and its heartbeats keep the
        // socket from timing out: its answer is the status and headers, then the socket goes.
        if (String(res.headers["content-type"] ?? "").startsWith("text/event-stream")) {
          done({ status: res.statusCode ?? 0, headers: res.headers, body: "", ms: performance.now() - started });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on("data", (b: Buffer) => {
          if (kept < MAX_KEPT) chunks.push(b);
          kept += b.length;
        });
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
        res.on("error", (e) => done({ error: `response: ${e.message}`, ms: performance.now() - started }));
      });
    } catch (e) {
      // The client refused to send it (an invalid header or path): not the server's fault.
      return done({ error: `client refused: ${(e as Error).message}`, ms: 0 });
    }
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (e) => done({ error: (e as NodeJS.ErrnoException).code ?? e.message, ms: performance.now() - started }));
    req.end(c.body);
  });
}

export const isClientRefusal = (a: Answer) => "error" in a && a.error.startsWith("client refused");

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "SEARCH", "REPORT"]);

/**
 * Whether the case may write when answered with `status`. Refusals never may; neither may
 * reads, callers without a valid token, a viewer (except minting a token of their own), an
 * import dry run, or a plan that was not asked to apply.
 */
export function mayWrite(c: FuzzCase, status: number): boolean {
  // Only a success may have written: the API answers a write with 200 or 201, never a redirect.
  if (status < 200 || status >= 300) return false;
  if (READ_METHODS.has(c.method)) return false;
  if (c.auth !== "admin" && c.auth !== "viewer" && c.auth !== "malformed") return false;
  if (c.auth === "viewer" && !c.path.startsWith("/api/v1/tokens")) return false;
  if (/\/import\?(.*&)?dryRun=(1|true)(&|$)/.test(c.path) && !/dryRun=.*dryRun=/.test(c.path)) return false;
  if (c.operation.endsWith("/plan") && c.wellFormedTarget && !planApplies(c.body)) return false;
  return true;
}

function planApplies(body: FuzzCase["body"]): boolean {
  try {
    return (JSON.parse(decode(body)) as { apply?: unknown }).apply === true;
  } catch {
    return true; // unknown: a non-JSON 2xx plan is odd, but not this property's concern
  }
}

// The server reads bodies as UTF-8 through TextDecoder, which drops a BOM and replaces
// invalid bytes; the oracle must read what the server read.
const decode = (body: FuzzCase["body"]) => new TextDecoder("utf-8").decode(typeof body === "string" ? Buffer.from(body, "utf8") : (body ?? Buffer.alloc(0)));

const bodySchemas = new Map<string, z.ZodType>(operations.filter((o) => o.body).map((o) => [`${o.method.toUpperCase()} /api/v1${o.path}`, o.body!]));
const statusOfCode = httpStatusOf as Record<string, number>;

/** What is wrong with `answer` to `c`; empty when nothing is. */
export function violations(c: FuzzCase, answer: Answer): Violation[] {
  if ("error" in answer) return isClientRefusal(answer) ? [] : [{ property: "answers", detail: `no HTTP answer: ${answer.error}` }];
  const out: Violation[] = [];
  const { status, headers, body } = answer;
  const api = c.path.startsWith("/api/");
  if (status >= 500) out.push({ property: "no 5xx", detail: `${status} ${snippet(body)}` });
  if (api && !headers["x-request-id"]) out.push({ property: "x-request-id", detail: `${status} without x-request-id` });
  if (api && status >= 400) {
    const type = String(headers["content-type"] ?? "");
    if (!type.startsWith("application/json")) out.push({ property: "JSON error envelope", detail: `${status} as ${type || "no content type"}: ${snippet(body)}` });
    else if (c.method !== "HEAD") {
      const parsed = parseEnvelope(body);
      if (!parsed.ok) out.push({ property: "JSON error envelope", detail: `${status} ${parsed.why}: ${snippet(body)}` });
      else if (statusOfCode[parsed.code] !== undefined && statusOfCode[parsed.code] !== status) out.push({ property: "JSON error envelope", detail: `code ${parsed.code} with status ${status}` });
    }
  }
  const v1 = c.path.startsWith("/api/v1/") && !c.path.startsWith("/api/v1/openapi.json");
  if (v1 && (c.auth === "none" || c.auth === "bogus") && status >= 200 && status < 300 && !["OPTIONS", "HEAD"].includes(c.method)) {
    out.push({ property: "no data without a valid token", detail: `${status} for ${c.auth} credentials` });
  }
  // OPTIONS answers are not cacheable (RFC 9110), so only the others must say no-store.
  if (v1 && c.method !== "OPTIONS" && (c.auth === "admin" || c.auth === "viewer") && !/no-store/.test(String(headers["cache-control"] ?? ""))) {
    out.push({ property: "bearer answers are not cached", detail: `${status} with cache-control ${JSON.stringify(headers["cache-control"] ?? null)}` });
  }
  const schema = bodySchemas.get(c.operation);
  if (schema && c.wellFormedTarget && status >= 200 && status < 300) {
    const text = decode(c.body);
    let raw: unknown;
    try {
      raw = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      raw = Symbol("not JSON");
    }
    if (!schema.safeParse(raw).success) out.push({ property: "2xx only for bodies the zod schema accepts", detail: `${status} for a body the schema refuses` });
  }
  return out;
}

function parseEnvelope(body: string): { ok: true; code: string } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, why: "body is not JSON" };
  }
  const parsed = errorEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, why: "not the {error:{code,message,details}} envelope" };
  if (Object.keys(json as object).length !== 1) return { ok: false, why: "envelope has extra top-level keys" };
  return { ok: true, code: parsed.data.error.code };
}

const snippet = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s).replace(/\s+/g, " ");

/** Runs `fn` over `items` with `concurrency` in flight, keeping order in the results. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

export const closeAgent = () => agent.destroy();
