import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answeredEarly, unparseable } from "./early-guard";

// A real Node server running the guard as installEarlyGuard does, in front of a stand-in for
// Next that reports the request id it was handed (the guard is not installed process-wide
// here: that would change every other server this test process starts).
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (answeredEarly(req, res)) return;
    req.resume();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ seen: req.headers["x-request-id"] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** Sends the path verbatim (fetch would normalise it) with a body when one is given. */
function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const framing = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { ...headers, ...framing, connection: "close" } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const envelope = (a: Answer) => (JSON.parse(a.body) as { error: { code: string; details?: unknown } }).error;

describe("early guard (what skips proxy.ts: uploads with a body)", () => {
  it("refuses a method the upload route lacks with the 405 envelope and Allow", async () => {
    for (const method of ["PUT", "DELETE", "GET", "PROPFIND", "MKCOL", "M-SEARCH", "QUERY"]) {
      const a = await send(method, "/api/v1/programmes/demo/import?format=csv", "name\n");
      expect(a.status, method).toBe(405);
      expect(a.headers["allow"]).toBe("OPTIONS, POST");
      expect(a.headers["x-request-id"]).toBeTruthy();
      expect(a.headers["cache-control"]).toBe("no-store");
      expect(envelope(a)).toMatchObject({ code: "METHOD_NOT_ALLOWED", details: { allow: ["OPTIONS", "POST"] } });
    }
  });

  it.each(["%", "%zz", "%E0%A4%A", "%C0%AE"])("refuses a malformed escape (%s) in an upload path with 400 INVALID", async (escape) => {
    const a = await send("POST", `/api/v1/programmes/${escape}/import?format=backstage`, "apiVersion: backstage.io/v1alpha1\n");
    expect(a.status).toBe(400);
    expect(a.headers["content-type"]).toBe("application/json");
    expect(a.headers["x-request-id"]).toBeTruthy();
    expect(envelope(a).code).toBe("INVALID");
  });

  it("answers an API path with a dot segment, which Next would resolve out of /api, with the JSON 404", async () => {
    for (const path of ["/api/%2e%2e/programmes", "/api/../programmes", "/api/v1/programmes/%2E/import"]) {
      const a = await send("POST", path, "{}");
      expect(a.status, path).toBe(404);
      expect(envelope(a).code).toBe("NOT_FOUND");
    }
  });

  it("answers a page upload with a malformed escape with the not-found page", async () => {
    const a = await send("POST", "/p/%/import/preview?format=csv", "name\n");
    expect(a.status).toBe(404);
    expect(a.headers["content-type"]).toMatch(/^text\/html/);
    expect(a.body).toContain("Not found");
  });

  it("refuses TRACE, which Next cannot build a Request for", async () => {
    const a = await send("TRACE", "/api/v1/tokens");
    expect(a.status).toBe(405);
    expect(a.headers["allow"]).toBe("OPTIONS, POST");
  });

  it("hands everything else on with one request id, the caller's when it is sane", async () => {
    const own = await send("POST", "/api/v1/programmes/demo/import?format=csv", "name\n", { "x-request-id": "caller-1" });
    expect(own.status).toBe(200);
    expect(own.headers["x-request-id"]).toBe("caller-1");
    expect(JSON.parse(own.body)).toEqual({ seen: "caller-1" });
    const made = await send("OPTIONS", "/api/v1/programmes/demo/import", "x", { "x-request-id": "not sane!" });
    expect(made.status).toBe(200);
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(made.body)).toEqual({ seen: made.headers["x-request-id"] });
    // A page with a malformed escape but no body is the proxy's to answer (its not-found page).
    expect((await send("GET", "/p/%/services")).status).toBe(200);
  });

  it("marks what Next will redirect (doubled slash, backslash) as not to be cached", async () => {
    expect((await send("GET", "//api/v1/programmes")).headers["cache-control"]).toBe("no-store");
    expect((await send("GET", "/api/v1\\programmes")).headers["cache-control"]).toBe("no-store");
    expect((await send("GET", "/api/v1/programmes")).headers["cache-control"]).toBeUndefined();
  });
});

describe("what Node's parser refuses", () => {
  const parse = (raw: string) => {
    const [head, body] = raw.split("\r\n\r\n");
    const [statusLine, ...lines] = head.split("\r\n");
    return { statusLine, headers: Object.fromEntries(lines.map((l) => l.split(": "))), body };
  };

  it("answers a bad request line under /api with the envelope", () => {
    const a = parse(unparseable(Object.assign(new Error("bad"), { code: "HPE_INVALID_URL", rawPacket: Buffer.from("POST /api/v1/programmes/\xff\xe9 HTTP/1.1\r\n", "latin1") })));
    expect(a.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(a.headers).toMatchObject({ "content-type": "application/json", "cache-control": "no-store", connection: "close" });
    expect(a.headers["x-request-id"]).toBeTruthy();
    expect(JSON.parse(a.body)).toEqual({ error: { code: "INVALID", message: "Ferry could not read this request." } });
  });

  // Found by the fuzzer: on a keep-alive connection the packet Node hands over began past the
  // request line, and the answer came in plain text for an /api request.
  it("answers a request whose path cannot be read with the envelope", () => {
    const unread = parse(unparseable(Object.assign(new Error("bad"), { code: "HPE_INVALID_URL", rawPacket: Buffer.from("Host: 127.0.0.1:3100\r\n\r\n", "latin1") })));
    expect(unread.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(unread.headers["content-type"]).toBe("application/json");
  });

  it("answers anything else in plain text, with the status Node would give", () => {
    const page = parse(unparseable(Object.assign(new Error("bad"), { code: "HPE_INVALID_URL", rawPacket: Buffer.from("GET /p/\xff HTTP/1.1\r\n", "latin1") })));
    expect(page.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(page.headers["content-type"]).toBe("text/plain");
    const big = parse(unparseable(Object.assign(new Error("big"), { code: "HPE_HEADER_OVERFLOW", rawPacket: Buffer.from("GET /api/v1/programmes HTTP/1.1\r\n") })));
    expect(big.statusLine).toBe("HTTP/1.1 431 Request Header Fields Too Large");
  });
});
