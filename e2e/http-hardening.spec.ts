import fs from "node:fs";
import path from "node:path";
import { test, expect, adminHeaders, e2eDatabaseUrl } from "./fixtures";
import { startBuiltServer, type BuiltServer } from "../lib/testing/built-server";
import { rawExchange } from "../lib/testing/raw-http";
import { freePort } from "../lib/db/embedded";

// Each answer here was a bare 500, an empty 405/400 or an HTML page before, with no request id:
// every refusal must be the API envelope (or the friendly page), with an x-request-id.
const expectEnvelope = async (res: { status(): number; headers(): Record<string, string>; json(): Promise<unknown> }, status: number, code: string) => {
  expect(res.status()).toBe(status);
  expect(res.headers()["x-request-id"]).toBeTruthy();
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body;
};

/** A server action's id by its exported name, from the build under test. */
function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"));
  const [id] = Object.entries(manifest.node as Record<string, { exportedName: string }>).find(([, v]) => v.exportedName === name)!;
  return id;
}

test.describe("malformed addresses", () => {
  test("a malformed percent escape in an API path is 400 INVALID", async ({ request }) => {
    await expectEnvelope(await request.get("/api/v1/programmes/%E0%A4%A/services", { headers: adminHeaders }), 400, "INVALID");
  });

  for (const address of ["/p/%/services", "/%ZZ", "/p/demo/%E0%A4%A"]) {
    test(`${address} is the friendly not-found page`, async ({ request }) => {
      const res = await request.get(address);
      expect(res.status()).toBe(404);
      expect(res.headers()["x-request-id"]).toBeTruthy();
      expect(await res.text()).toContain("Not found");
    });
  }
});

test.describe("methods", () => {
  test("a method a route lacks, or no route has, is 405 with Allow", async ({ request }) => {
    for (const method of ["DELETE", "PROPFIND", "PUT"]) {
      const res = await request.fetch("/api/v1/tokens", { method, headers: adminHeaders });
      const body = await expectEnvelope(res, 405, "METHOD_NOT_ALLOWED");
      expect(res.headers()["allow"]).toBe("OPTIONS, POST");
      expect(body).toMatchObject({ error: { details: { allow: ["OPTIONS", "POST"] } } });
    }
    const page = await request.fetch("/p/demo", { method: "DELETE" });
    expect(page.status()).toBe(405);
    expect(page.headers()["allow"]).toBe("GET, HEAD, POST");
  });

  test("real routes still answer their methods", async ({ request }) => {
    expect((await request.get("/api/v1/programmes", { headers: adminHeaders })).status()).toBe(200);
    expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
    expect((await request.fetch("/api/v1/tokens", { method: "OPTIONS" })).headers()["allow"]).toContain("POST");
  });

  test("TRACE, TRACK and CONNECT, which never reach the proxy, are refused with a request id", async () => {
    const port = Number(new URL(test.info().project.use.baseURL!).port);
    const trace = await rawExchange(port, "TRACE /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: trace-1\r\nConnection: close", [], { timeoutMs: 10_000 });
    expect(trace.responses[0]).toMatchObject({ status: 405, headers: { allow: "OPTIONS, POST", "x-request-id": "trace-1" } });
    expect(JSON.parse(trace.responses[0].body).error.code).toBe("METHOD_NOT_ALLOWED");
    const connect = await rawExchange(port, "CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443", [], { timeoutMs: 10_000 });
    expect(connect.responses[0]?.status).toBe(405);
    expect(connect.responses[0]?.headers["x-request-id"]).toBeTruthy();
    const track = await rawExchange(port, "TRACK / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close", [], { timeoutMs: 10_000 });
    expect(track.responses[0]?.status).toBe(400);
    expect(track.responses[0]?.headers["x-request-id"]).toBeTruthy();
  });
});

test.describe("unknown API paths", () => {
  test("are the JSON 404 for any method, not the HTML page", async ({ request }) => {
    await expectEnvelope(await request.get("/api/v1/nope", { headers: adminHeaders }), 404, "NOT_FOUND");
    await expectEnvelope(await request.post("/api/v1/programmes/demo/nope", { headers: adminHeaders, data: {} }), 404, "NOT_FOUND");
    await expectEnvelope(await request.get("/api/v1/programmes/demo/services/extra"), 404, "NOT_FOUND");
  });
});

test.describe("caching", () => {
  test("bearer-authenticated answers, and errors, are no-store", async ({ request }) => {
    expect((await request.get("/api/v1/programmes", { headers: adminHeaders })).headers()["cache-control"]).toBe("no-store");
    expect((await request.get("/api/v1/programmes/demo/services", { headers: adminHeaders })).headers()["cache-control"]).toBe("no-store");
    expect((await request.get("/api/v1/programmes")).headers()["cache-control"]).toBe("no-store");
  });
});

test.describe("server actions", () => {
  const post = (request: import("@playwright/test").APIRequestContext, action: string, at: string, data: string | Buffer) =>
    request.post(at, { headers: { "Next-Action": actionId(action), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: test.info().project.use.baseURL! }, data });

  test("a body over 1 MB is 413, not 500", async ({ request }) => {
    const res = await post(request, "signInAction", "/sign-in", `["${"a".repeat(1_100_000)}"]`);
    expect(res.status()).toBe(413);
    expect(res.headers()["x-request-id"]).toBeTruthy();
    expect(await res.text()).toContain("over 1 MB");
  });

  test("missing arguments are a form error, not 500", async ({ request }) => {
    const res = await post(request, "signInAction", "/sign-in", "[]");
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("Please correct the highlighted fields.");
  });

  test("a NUL byte in a bound value is a form error, not an internal one", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("manager", sharedProgramme);
    const slug = sharedProgramme.slug;
    const res = await post(page.request, "deleteServiceAction", `/p/${slug}/services`, JSON.stringify([`${slug.slice(0, 2)}\u0000${slug.slice(2)}`, "$undefined", { id: "x" }]));
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toContain('"code":"INVALID"');
    expect(text).not.toContain("INTERNAL");
  });
});

test.describe("upload routes", () => {
  test("Origin: null is 403 FORBIDDEN, not a 500", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("manager", sharedProgramme);
    const res = await page.request.post(`/p/${sharedProgramme.slug}/import/preview?format=csv`, { headers: { Origin: "null", "Content-Type": "text/csv" }, data: "name\n" });
    await expectEnvelope(res, 403, "FORBIDDEN");
  });
});

test.describe("content security policy", () => {
  test("scripts need this response's nonce, and the pages run without a violation", async ({ page, sharedProgramme, signedInAs }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const signIn = await page.goto("/sign-in");
    const policy = signIn!.headers()["content-security-policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe");
    await expect(page.getByRole("button", { name: /sign in/i }).first()).toBeVisible();
    await signedInAs("manager", sharedProgramme);
    const programme = await page.goto(`/p/${sharedProgramme.slug}`);
    expect(programme!.headers()["content-security-policy"]).not.toBe(policy); // a fresh nonce per response
    await expect(page.getByRole("heading").first()).toBeVisible();
    // Client navigation needs the hydrated runtime, which only runs if the nonce let it.
    await page.getByRole("link", { name: "Services" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/p/${sharedProgramme.slug}/services`));
    expect(violations).toEqual([]);
  });
});

test.describe("metrics", () => {
  test("anonymous scrapes name no programme; a wrong token is 401", async ({ request }) => {
    const text = await (await request.get("/api/metrics")).text();
    expect(text).toMatch(/ferry_slices\{status="\w+"\} \d+/);
    expect(text).not.toContain("programme=");
    expect((await request.get("/api/metrics", { headers: { Authorization: "Bearer not-the-metrics-token" } })).status()).toBe(401);
  });
});

// Next's standalone server (what Ferry serves with), one server per situation.
test.describe("under the standalone server", () => {
  test.describe.configure({ timeout: 120_000 });
  let live: BuiltServer | undefined;
  let down: BuiltServer | undefined;
  const metricsToken = "e2e-metrics-token-0123456789";
  test.beforeAll(async () => {
    [live, down] = await Promise.all([
      startBuiltServer({ DATABASE_URL: e2eDatabaseUrl(), FERRY_METRICS_TOKEN: metricsToken, FERRY_ADMIN_TOKEN: adminHeaders.Authorization.slice(7) }),
      startBuiltServer({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`, FERRY_ADMIN_TOKEN: adminHeaders.Authorization.slice(7) }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([live?.stop(), down?.stop()]);
  });

  test("the metrics token sees per-programme series", async () => {
    const text = await (await fetch(`${live!.url}/api/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } })).text();
    expect(text).toMatch(/ferry_slices\{programme="demo",status="\w+"\} \d+/);
  });

  test("TRACE is refused by the early guard there too", async () => {
    const trace = await rawExchange(live!.port, "TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close", [], { timeoutMs: 10_000 });
    expect(trace.responses[0]).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, POST" } });
  });

  test("with the database down the API is 503 UNAVAILABLE with Retry-After", async () => {
    const res = await fetch(`${down!.url}/api/v1/programmes`, { headers: adminHeaders });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
  });

  test("with the database down pages are the friendly 503 page", async () => {
    for (const address of ["/sign-in", "/p/demo"]) {
      const res = await fetch(`${down!.url}${address}`, { redirect: "manual" });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(await res.text()).toContain("Ferry cannot reach its database right now.");
    }
    const metrics = await (await fetch(`${down!.url}/api/metrics`)).text();
    expect(metrics).toMatch(/ferry_http_refusals_total\{reason="database_unavailable",status="503"\} [1-9]/);
  });
});
