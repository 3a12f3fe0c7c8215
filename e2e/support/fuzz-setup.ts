/**
 * What the fuzzer needs from the running app: a programme of its own with real slices and
 * checklist items (the test's `programme` fixture, so generated paths reach the handlers, not
 * just the 404), a viewer with a token of their own (made through the API, as an operator
 * would; removed with the programme), and the export to mutate.
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "../../playwright.config";
import type { FuzzContext } from "./fuzz-cases";
import { operationPath } from "../../lib/api/openapi";
import { operations } from "../../lib/api/operations";

const admin = { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

async function ok<T>(what: string, res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!res.ok()) throw new Error(`fuzz setup: ${what} answered ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function fuzzContext(request: APIRequestContext, slug: string): Promise<FuzzContext> {
  const email = `fuzz-viewer-${randomUUID().slice(0, 8)}@fuzz.example`;
  await ok("POST /users", await request.post(`/api/v1/users?programme=${slug}`, { headers: admin, data: { email, name: "Fuzz viewer", role: "viewer" } }));
  const { token } = await ok<{ token: string }>("POST /tokens", await request.post("/api/v1/tokens", { headers: admin, data: { email, name: "fuzz" } }));
  const waves = await ok<{ waves: { slices: { id: string }[] }[] }>("GET waves", await request.get(`/api/v1/programmes/${slug}/waves`, { headers: admin }));
  const sliceIds = waves.waves.flatMap((w) => w.slices.map((s) => s.id)).slice(0, 8);
  if (sliceIds.length === 0) throw new Error("fuzz setup: the seeded programme has no slices");
  const slices = [];
  for (const id of sliceIds) {
    const detail = await ok<{ checklist: { id: string }[] }>("GET slice", await request.get(`/api/v1/programmes/${slug}/slices/${id}`, { headers: admin }));
    slices.push({ id, items: detail.checklist.map((i) => i.id) });
  }
  const exported = await request.get(`/api/v1/programmes/${slug}/export`, { headers: admin });
  if (!exported.ok()) throw new Error(`fuzz setup: export answered ${exported.status()}`);
  return { slug, slices, emails: [email], tokens: { admin: E2E_ADMIN_TOKEN, viewer: token }, exportText: await exported.text() };
}

/**
 * The served document must describe every operation lib/api/operations.ts declares; the
 * fuzzer walks the document, so an operation missing from it would go unfuzzed.
 */
export function missingOperations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return operations.filter((o) => !doc.paths[operationPath(o)]?.[o.method]).map((o) => `${o.method.toUpperCase()} ${operationPath(o)}`);
}
