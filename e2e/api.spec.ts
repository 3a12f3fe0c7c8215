import { test, expect, adminHeaders } from "./fixtures";

test.describe("API authentication", () => {
  test("refuses a request without a token with 401 and the error envelope", async ({ request }) => {
    const res = await request.get("/api/v1/programmes");
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    expect(res.headers()["x-request-id"]).toBeTruthy();
  });

  test("refuses a wrong token", async ({ request }) => {
    const res = await request.get("/api/v1/programmes", { headers: { Authorization: "Bearer not-the-token-at-all" } });
    expect(res.status()).toBe(401);
  });

  test("answers the admin token with the programmes and echoes the request id", async ({ request }) => {
    const res = await request.get("/api/v1/programmes", { headers: { ...adminHeaders, "x-request-id": "e2e-req-42" } });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-request-id"]).toBe("e2e-req-42");
    const body = await res.json();
    expect(body).toEqual(expect.arrayContaining([expect.objectContaining({ slug: "demo" })]));
  });

  test("operations endpoints answer without a token", async ({ request }) => {
    expect((await request.get("/api/health")).status()).toBe(200);
    expect(await (await request.get("/api/ready")).json()).toEqual({ status: "ready" });
    const metrics = await (await request.get("/api/metrics")).text();
    expect(metrics).toContain("ferry_up 1");
    // Anonymous scrapes get totals; per-programme series need FERRY_METRICS_TOKEN (http-hardening.spec.ts).
    expect(metrics).toMatch(/ferry_slices\{status="\w+"\} \d+/);
    const openapi = await (await request.get("/api/v1/openapi.json")).json();
    expect(openapi.openapi).toBe("3.1.0");
  });

  test("pages carry the security headers", async ({ request }) => {
    const res = await request.get("/p/demo");
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-request-id"]).toBeTruthy();
  });
});

test.describe("addresses that name nothing", () => {
  test("a control character in a programme's address is not found, for a page and for the API", async ({ page, request, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    const res = await page.goto(`/p/${sharedProgramme.slug}%00/slices`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    const api = await request.get(`/api/v1/programmes/${sharedProgramme.slug}%00/services`, { headers: adminHeaders });
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe("NOT_FOUND");
  });
});
