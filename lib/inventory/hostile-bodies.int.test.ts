import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { startBuiltServer, type BuiltServer } from "@/lib/testing/built-server";
import { chunked, rawExchange, type RawResponse } from "@/lib/testing/raw-http";
import { createPasswordUser } from "@/lib/auth/credentials";
import { MAX_JSON_BYTES } from "@/lib/api/handler";
import { MAX_IMPORT_BYTES } from "./limits";

// Import bodies through the real server (Next's standalone server of the production build), framed
// by hand. Regression for "imports silently truncated": Next's proxy cloned request bodies up
// to 10 MB and cut the rest without a word, the route read what was left as the whole file,
// and with removeMissing the services in the lost tail were deleted.
const ADMIN = "hostile-bodies-admin-token-0123";
const USER = { email: "bodies-admin@ferry.local", password: "bodies-admin-password" };
let t: TestDatabase;
let server: BuiltServer;
let cookie = "";

beforeAll(async () => {
  t = await openTestDatabase();
  await createPasswordUser(t.db, { ...USER, name: "Bodies Admin", isAdmin: true });
  server = await startBuiltServer({
    DATABASE_URL: t.url,
    FERRY_ADMIN_TOKEN: ADMIN,
    BETTER_AUTH_SECRET: "hostile-bodies-auth-secret-0123456789",
    ...(process.env.DATABASE_URL ? {} : { FERRY_DB_POOL: "1" }),
  });
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: server.url }, body: JSON.stringify(USER) });
  expect(signIn.status).toBe(200);
  cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
});
afterAll(async () => {
  await server?.stop();
  await t?.close();
});

const HEADER = "name,team,kind\n";
const HEAD_ROW = "head,core,api\n";
const TAIL_ROW = "tail,core,api\n";
/** A CSV of exactly `size` bytes: `head` first, `tail` last, blank lines (which CSV skips) between. */
const csvOfSize = (size: number) => Buffer.from(HEADER + HEAD_ROW + "\n".repeat(size - HEADER.length - HEAD_ROW.length - TAIL_ROW.length) + TAIL_ROW);

async function programmeWithHeadAndTail(): Promise<string> {
  const slug = uniqueSlug("bodies");
  const auth = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
  expect((await fetch(`${server.url}/api/v1/programmes`, { method: "POST", headers: auth, body: JSON.stringify({ name: slug, slug }) })).status).toBe(201);
  const imported = await fetch(`${server.url}/api/v1/programmes/${slug}/import?format=csv`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}` }, body: HEADER + HEAD_ROW + TAIL_ROW });
  expect(imported.status).toBe(200);
  return slug;
}
const services = async (slug: string) => (await t.db.service.findMany({ where: { programme: { slug } }, select: { name: true }, orderBy: { name: "asc" } })).map((s) => s.name);

const apiHead = (slug: string, query: string, framing: string) =>
  `POST /api/v1/programmes/${slug}/import?${query} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: text/csv\r\n${framing}`;
const pageHead = (slug: string, route: string, framing: string) =>
  `POST /p/${slug}/import/${route}?format=csv&confirmRemovals=1 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\nContent-Type: text/csv\r\n${framing}`;
const CHUNKED = "Transfer-Encoding: chunked";
const length = (n: number) => `Content-Length: ${n}`;

function expectTooLarge(r: RawResponse | undefined) {
  expect(r?.status).toBe(413);
  expect(JSON.parse(r!.body).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("10 MiB") });
  expect(r!.headers["x-request-id"]).toBeTruthy();
}

describe("import bodies through the real server", () => {
  it("refuses a chunked upload over the limit whole: nothing in its tail is lost or removed", async () => {
    const slug = await programmeWithHeadAndTail();
    // The tail row sits past 10 MiB, where the proxy's copy used to end.
    const { responses } = await rawExchange(server.port, apiHead(slug, "format=csv&removeMissing=1", CHUNKED), chunked(csvOfSize(MAX_IMPORT_BYTES + 512 * 1024)));
    expectTooLarge(responses[0]);
    expect(await services(slug)).toEqual(["head", "tail"]);
  });

  it("reads a body of exactly the limit whole, chunked or with its length", async () => {
    const slug = await programmeWithHeadAndTail();
    const body = csvOfSize(MAX_IMPORT_BYTES);
    for (const [framing, parts] of [[CHUNKED, chunked(body)], [length(body.length), [body]]] as const) {
      const { responses } = await rawExchange(server.port, apiHead(slug, "format=csv&dryRun=1", framing), [...parts]);
      expect(responses[0]?.status, framing).toBe(200);
      // The last row was read: nothing would be removed.
      expect(JSON.parse(responses[0].body)).toMatchObject({ created: 0, changes: { services: { remove: [] } } });
    }
  });

  it("refuses one byte over the limit, declared or chunked", async () => {
    const slug = await programmeWithHeadAndTail();
    const body = csvOfSize(MAX_IMPORT_BYTES + 1);
    for (const [framing, parts] of [[CHUNKED, chunked(body)], [length(body.length), [body]]] as const) {
      const { responses } = await rawExchange(server.port, apiHead(slug, "format=csv&removeMissing=1", framing), [...parts]);
      expectTooLarge(responses[0]);
    }
    expect(await services(slug)).toEqual(["head", "tail"]);
  });

  it("applies nothing when the body stops short of its Content-Length", async () => {
    const slug = await programmeWithHeadAndTail();
    const body = Buffer.from(HEADER + HEAD_ROW);
    // Declared longer than sent, then the client closes its side: an interrupted upload.
    const { responses } = await rawExchange(server.port, apiHead(slug, "format=csv&removeMissing=1", length(body.length + 1000)), [body], { halfClose: true, timeoutMs: 10_000 });
    for (const r of responses) expect(r.status).toBeGreaterThanOrEqual(400);
    expect(await services(slug)).toEqual(["head", "tail"]);
  });

  it("takes exactly the declared bytes when more are sent, and refuses the rest as a request", async () => {
    const slug = await programmeWithHeadAndTail();
    const declared = Buffer.from(HEADER + HEAD_ROW + TAIL_ROW);
    const extra = Buffer.from("extra,core,api\n".repeat(50));
    const { responses, closedByServer } = await rawExchange(server.port, apiHead(slug, "format=csv", length(declared.length)), [declared, extra], { responses: 2, timeoutMs: 10_000 });
    // Node's parser reads the surplus as the next request, refuses it (400) and closes.
    expect(responses.map((r) => r.status)).toContain(400);
    expect(closedByServer).toBe(true);
    expect(await services(slug)).toEqual(["head", "tail"]);
  });

  it("refuses a request that declares both a length and chunked coding", async () => {
    const slug = await programmeWithHeadAndTail();
    const { responses } = await rawExchange(server.port, apiHead(slug, "format=csv&removeMissing=1", `${CHUNKED}\r\n${length(10)}`), chunked(Buffer.from(HEADER + HEAD_ROW)));
    expect(responses[0]?.status).toBe(400);
    expect(await services(slug)).toEqual(["head", "tail"]);
  });

  it.each(["apply", "preview"])("refuses the same way on the import page's %s route (session)", async (route) => {
    const slug = await programmeWithHeadAndTail();
    const { responses } = await rawExchange(server.port, pageHead(slug, route, CHUNKED), chunked(csvOfSize(MAX_IMPORT_BYTES + 512 * 1024)));
    expectTooLarge(responses[0]);
    expect(await services(slug)).toEqual(["head", "tail"]);
    // The session itself works: a small body is applied.
    const small = await rawExchange(server.port, pageHead(slug, route, CHUNKED), chunked(Buffer.from(HEADER + HEAD_ROW + TAIL_ROW)));
    expect(small.responses[0]?.status).toBe(200);
  });
});

describe("JSON bodies through the real server", () => {
  const programmeHead = (framing: string) => `POST /api/v1/programmes HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: application/json\r\n${framing}`;
  // Valid JSON padded with spaces to exactly `size` bytes.
  const jsonOfSize = (slug: string, size: number) => {
    const json = JSON.stringify({ name: slug, slug });
    return Buffer.from(json + " ".repeat(size - json.length));
  };

  it("reads a JSON body of exactly the limit and refuses one byte more", async () => {
    const ok = await rawExchange(server.port, programmeHead(CHUNKED), chunked(jsonOfSize(uniqueSlug("json"), MAX_JSON_BYTES)));
    expect(ok.responses[0]?.status).toBe(201);
    const slug = uniqueSlug("json");
    for (const [framing, parts] of [[CHUNKED, chunked(jsonOfSize(slug, MAX_JSON_BYTES + 1))], [length(MAX_JSON_BYTES + 1), [jsonOfSize(slug, MAX_JSON_BYTES + 1)]]] as const) {
      const { responses } = await rawExchange(server.port, programmeHead(framing), [...parts]);
      expect(responses[0]?.status, framing).toBe(413);
      expect(JSON.parse(responses[0].body).error.code).toBe("PAYLOAD_TOO_LARGE");
    }
    expect(await t.db.programme.count({ where: { slug } })).toBe(0);
  });
});

describe("hostile YAML through the real server", () => {
  it("refuses 99 aliases to a million-value anchor while other requests are answered", async () => {
    const slug = await programmeWithHeadAndTail();
    const yaml = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  x: &big [${"1,".repeat(999_999)}1]\n  y: [${Array(99).fill("*big").join(",")}]\nspec:\n  type: service\n  owner: t\n  lifecycle: production\n`;
    let uploading = true;
    const upload = fetch(`${server.url}/api/v1/programmes/${slug}/import?format=backstage`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}` }, body: yaml }).finally(() => (uploading = false));
    const latencies: number[] = [];
    while (uploading) {
      const started = performance.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      latencies.push(performance.now() - started);
    }
    const res = await upload;
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([{ line: 1, message: expect.stringContaining("YAML values") }]);
    expect(Math.max(...latencies)).toBeLessThan(200);
    expect(await services(slug)).toEqual(["head", "tail"]);
  });
});
