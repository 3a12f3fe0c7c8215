/**
 * The fuzzer's requests: every operation of the served OpenAPI document, with a body made
 * from its request schema and then mutated, a path and query made from its parameters, any
 * method, any credential and any content type; plus addresses no operation has.
 */
import fc from "fast-check";
import { valueFor, type FieldHints, type JsonSchema } from "./fuzz-schema";
import { PROTOTYPE_KEYS, brokenJsonText, contentType, hostileString, hostileValue, toJsonText, withOwnKey, METHODS } from "./fuzz-hostile";
import { hostileSegment, oneIn, pathFor, queryFor } from "./fuzz-paths";

export type Auth = "none" | "admin" | "viewer" | "bogus" | "malformed";

export type FuzzCase = {
  method: string;
  path: string;
  /** The OpenAPI path and method this case was made from, or "(none)" for an address of no operation. */
  operation: string;
  /** False when the path, method or body was knowingly broken (the zod oracle then does not apply). */
  wellFormedTarget: boolean;
  auth: Auth;
  headers: Record<string, string>;
  body?: string | Buffer;
  mutations: string[];
};

export type FuzzContext = {
  slug: string;
  slices: { id: string; items: string[] }[];
  emails: string[];
  tokens: { admin: string; viewer: string };
  /** The fuzz programme's own export: a real Ferry JSON document to mutate for imports. */
  exportText: string;
};

type OpenApiOperation = {
  parameters?: { name: string; in: "path" | "query"; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
export type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

export const authHeader = (auth: Auth, ctx: FuzzContext): fc.Arbitrary<string | undefined> => {
  switch (auth) {
    case "none":
      return fc.constant(undefined);
    case "admin":
      return fc.constant(`Bearer ${ctx.tokens.admin}`);
    case "viewer":
      return fc.constant(`Bearer ${ctx.tokens.viewer}`);
    case "bogus":
      return fc.constantFrom("Bearer not-a-real-token-000000", `Bearer ${ctx.tokens.admin}x`, `Bearer ${ctx.tokens.viewer.slice(0, -1)}`);
    case "malformed":
      return fc.constantFrom("Bearer", "Bearer ", `Bearer  ${ctx.tokens.admin}`, `bearer ${ctx.tokens.admin}`, `Basic ${Buffer.from("a:b").toString("base64")}`, `Bearer ${"A".repeat(8_000)}`, `Token ${ctx.tokens.admin}`, "Bearer \u00ff\u00fe");
  }
};

// Request ids are echoed: odd ones (markup, 5 kB, Latin-1) must be replaced, not reflected.
const requestId = oneIn(fc.constantFrom("<script>alert(1)</script>", "x".repeat(5_000), "../../x", "\u00ff\u00fe", "id with spaces", "fuzz-request-1"), 6);

const authKind: fc.Arbitrary<Auth> = fc.constantFrom<Auth>("admin", "admin", "admin", "admin", "viewer", "viewer", "none", "bogus", "malformed");

/** Path parameters that name real things of the fuzz programme (or, sometimes, nothing). */
function realParams(ctx: FuzzContext): fc.Arbitrary<Record<string, string>> {
  return fc.tuple(fc.nat(ctx.slices.length - 1), fc.nat(1_000), fc.constantFrom(ctx.slug, ctx.slug, ctx.slug, "no-such-programme", "demo0")).map(([s, i, slug]) => {
    const slice = ctx.slices[s];
    return { slug, id: slice.id, itemId: slice.items[i % slice.items.length] ?? "none" };
  });
}

/**
 * Values that get a request past its first checks: known emails and slugs. POST /users gets
 * only fresh emails: re-adding the fuzz viewer as a manager would make the viewer's writes
 * legitimate and the row-count property wrong.
 */
function hints(ctx: FuzzContext, template: string): FieldHints {
  const fresh = [fc.uuid().map((u) => `fuzz-${u.slice(0, 8)}@fuzz.example`), fc.emailAddress()];
  const email = template.endsWith("/users") ? fc.oneof(...fresh) : fc.oneof(fc.constantFrom(...ctx.emails), ...fresh);
  return { email, programme: fc.constantFrom(ctx.slug, "no-such-programme") };
}

/** A JSON body from `schema`, then zero to three mutations. */
function jsonBody(schema: JsonSchema, h: FieldHints): fc.Arbitrary<{ body: string | Buffer; mutations: string[] }> {
  const fields = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  type Mutation = (v: Record<string, unknown>) => [Record<string, unknown> | unknown, string];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...(fields.length ? fields : ["x"])), hostileValue).map(([k, v]): Mutation => (o) => [withOwnKey(o as Record<string, unknown>, k, v), `${k}=${describe(v)}`]) },
    { weight: 1, arbitrary: fc.constantFrom(...(required.length ? required : ["x"])).map((k): Mutation => (o) => [omit(o, k), `without ${k}`]) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), hostileString.filter((s) => s.length < 200)), hostileValue).map(([k, v]): Mutation => (o) => [withOwnKey(o as Record<string, unknown>, k, v), `extra ${JSON.stringify(k)}`]) },
    { weight: 1, arbitrary: hostileValue.map((v): Mutation => () => [v, `whole body ${describe(v)}`]) },
  );
  const valid = valueFor(schema, h) as fc.Arbitrary<Record<string, unknown>>;
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(valid, fc.array(mutation, { maxLength: 3 })).map(([v, ms]) => applyAll(v, ms)) },
    { weight: 1, arbitrary: brokenJsonText.map((body) => ({ body, mutations: ["not JSON"] })) },
  );
}

function applyAll(value: Record<string, unknown>, ms: ((v: Record<string, unknown>) => [unknown, string])[]) {
  let v: unknown = value;
  const notes: string[] = [];
  for (const m of ms) {
    // Field mutations apply to objects; once the body is not one, later ones replace it whole.
    const [next, note] = m(typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
    v = next;
    notes.push(note);
  }
  return { body: toJsonText(v), mutations: notes };
}

const omit = (o: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));
const describe = (v: unknown) => {
  const s = typeof v === "string" ? JSON.stringify(v) : String(toJsonText(v));
  return s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s;
};

/** Raw bodies (imports, rollout YAML): the programme's own export mutated, small files, hostile text. */
function rawBody(ctx: FuzzContext): fc.Arbitrary<{ body: string | Buffer; mutations: string[] }> {
  const exportMutated = fc.tuple(fc.nat(ctx.exportText.length), hostileString.filter((s) => s.length < 5_000)).map(([at, s]) => ({
    body: ctx.exportText.slice(0, at) + JSON.stringify(s).slice(1, -1) + ctx.exportText.slice(at),
    mutations: [`export with ${describe(s)} at ${at}`],
  }));
  const small = fc.constantFrom(
    "name,team,kind\nfuzz-a,Payments,api\n",
    "name,team\n=cmd|' /C calc'!A0,Payments\n",
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: fuzz-yaml\nspec:\n  type: service\n  owner: payments\n",
    "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "kind: Rollout\nmetadata:\n  name: x\nstatus:\n  phase: Healthy\n",
    "!!js/function 'function(){}'\n",
    "---\n---\n---\n",
  );
  return fc.oneof(
    { weight: 3, arbitrary: exportMutated },
    { weight: 2, arbitrary: small.map((body) => ({ body, mutations: ["small file"] })) },
    { weight: 2, arbitrary: hostileString.map((body) => ({ body, mutations: [`text ${describe(body)}`] })) },
    { weight: 1, arbitrary: brokenJsonText.map((body) => ({ body, mutations: ["broken text"] })) },
  );
}

/** Every request the fuzzer may send for one operation of the document. */
function operationCase(ctx: FuzzContext, template: string, method: string, op: OpenApiOperation): fc.Arbitrary<FuzzCase> {
  const h = hints(ctx, template);
  const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => ({ name: p.name, value: valueFor(p.schema, h, p.name) }));
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const isRaw = Object.keys(content).length > 0 && (jsonSchema?.type === "string" || !jsonSchema);
  const body: fc.Arbitrary<{ body?: string | Buffer; mutations: string[] }> = isRaw
    ? rawBody(ctx)
    : jsonSchema
      ? jsonBody(jsonSchema, h)
      : fc.oneof({ weight: 6, arbitrary: fc.constant<{ body?: string; mutations: string[] }>({ mutations: [] }) }, { weight: 1, arbitrary: jsonBody({ type: "object" }, h) });
  const declared = Object.keys(content);
  const type = fc.oneof({ weight: 4, arbitrary: declared.length ? fc.constantFrom(...declared) : fc.constant(undefined) }, { weight: 1, arbitrary: contentType });
  const verb = fc.oneof({ weight: 7, arbitrary: fc.constant(method.toUpperCase()) }, { weight: 3, arbitrary: fc.constantFrom(...METHODS) });
  return fc
    .record({ target: pathFor(template, realParams(ctx)), query: queryFor(query), body, type, verb, auth: authKind, requestId })
    .chain((r) => authHeader(r.auth, ctx).map((authorization) => ({ ...r, authorization })))
    .map((r) => {
      const headers: Record<string, string> = {};
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.type !== undefined && r.body.body !== undefined) headers["content-type"] = r.type;
      if (r.requestId !== null) headers["x-request-id"] = r.requestId;
      const sameMethod = r.verb === method.toUpperCase();
      return {
        method: r.verb,
        path: r.target.path + r.query,
        operation: `${method.toUpperCase()} ${template}`,
        wellFormedTarget: !r.target.mutated && sameMethod,
        auth: r.auth,
        headers,
        body: r.body.body,
        mutations: [...(r.target.mutated ? ["path"] : []), ...(sameMethod ? [] : [`method ${r.verb}`]), ...r.body.mutations],
      };
    });
}

/** Addresses of no operation: unknown API paths and the operations endpoints under odd methods. */
function strayCase(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const path = fc.oneof(
    fc.array(fc.oneof(hostileSegment, fc.constantFrom("programmes", ctx.slug, "v2", "admin", "graphql", "slices")), { minLength: 0, maxLength: 6 }).map((segs) => `/api/v1/${segs.join("/")}`),
    fc.constantFrom("/api/health", "/api/ready", "/api/metrics", "/api/v1", "/api/v2/programmes", "/api/%zz", "/api/v1/programmes/%E0%A4%A/services"),
  );
  return fc.record({ path, method: fc.constantFrom(...METHODS), auth: authKind, body: oneIn(hostileString.map((s) => toJsonText({ s })), 3) }).chain((r) =>
    authHeader(r.auth, ctx).map((authorization): FuzzCase => ({
      method: r.method,
      path: r.path,
      operation: "(none)",
      wellFormedTarget: false,
      auth: r.auth,
      headers: authorization === undefined ? {} : { authorization: authorization },
      body: r.body ?? undefined,
      mutations: ["stray address"],
    })),
  );
}

/** Requests for every operation of `doc`, and stray ones, in proportion. */
export function fuzzCase(doc: OpenApiDocument, ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const ops = Object.entries(doc.paths).flatMap(([template, methods]) => Object.entries(methods).map(([m, op]) => operationCase(ctx, template, m, op)));
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...ops) }, { weight: 1, arbitrary: strayCase(ctx) });
}
