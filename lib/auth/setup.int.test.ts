import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";

// The attack: on an install run with FERRY_ADMIN_TOKEN (no administrator user), an anonymous
// visitor opened /setup and became the deployment administrator. Setup now needs the code from
// the server log and closes for good once an administrator exists.
let t: TestDatabase;
let setup: typeof import("./setup-code");
let action: typeof import("./actions");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  setup = await import("./setup-code");
  action = await import("./actions");
});
// Integration files run one at a time on the embedded database, so this file may reset the
// deployment-wide setup state it tests.
beforeEach(async () => {
  await t.db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
  await t.db.setupState.deleteMany();
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const person = () => ({ name: "Ada", email: `${uniqueSlug("setup")}@example.test`, password: "a-long-password" });

describe("the one-time setup", () => {
  it("refuses an anonymous attempt without the code, and with a wrong one, writing nothing", async () => {
    await setup.ensureSetupCode(t.db, undefined);
    const users = await t.db.user.count();
    const events = await t.db.event.count();
    const missing = await action.setupAction(null, form(person()));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.fieldErrors.code).toBeTruthy();
    const wrong = await action.setupAction(null, form({ ...person(), code: "guessed-code-123" }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.fieldErrors.code).toEqual(["does not match the code in the server log"]);
    expect(await t.db.user.count()).toBe(users);
    expect(await t.db.event.count()).toBe(events);
  });

  it("keeps one code for every process that asks, and prefers FERRY_SETUP_CODE when set", async () => {
    const first = await setup.ensureSetupCode(t.db, undefined);
    const second = await setup.ensureSetupCode(t.db, undefined);
    expect(first?.code).toMatch(/^[\w-]{24}$/);
    expect(second?.code).toBe(first?.code);
    expect(await setup.setupCodeMatches(t.db, first!.code, undefined)).toBe(true);
    expect(await setup.setupCodeMatches(t.db, "configured-code-1234", "configured-code-1234")).toBe(true);
    expect(await setup.setupCodeMatches(t.db, first!.code, "configured-code-1234")).toBe(false);
  });

  it("creates the administrator with the right code, then closes for good", async () => {
    const code = (await setup.ensureSetupCode(t.db, undefined))!.code;
    const who = person();
    // Signing in afterwards needs a request; what matters here is what was written.
    await action.setupAction(null, form({ ...who, code }));
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: who.email } });
    expect(admin.isAdmin).toBe(true);
    expect(await t.db.event.count({ where: { action: "user.created_as_administrator", entityId: admin.id } })).toBe(1);
    expect(await setup.isSetupOpen(t.db)).toBe(false);
    const again = await action.setupAction(null, form({ ...person(), code }));
    expect(again).toMatchObject({ ok: false, formError: "Setup is already done: sign in instead." });
    // Closed for good: even with the administrator demoted, setup stays shut.
    await t.db.user.update({ where: { id: admin.id }, data: { isAdmin: false } });
    expect(await setup.isSetupOpen(t.db)).toBe(false);
    expect(await setup.ensureSetupCode(t.db, "configured-code-1234")).toBeNull();
  });

  it("is closed as soon as any administrator exists (the demo manager is one)", async () => {
    await t.db.user.create({ data: { email: `${uniqueSlug("adm")}@example.test`, name: "Admin", isAdmin: true } });
    expect(await setup.ensureSetupCode(t.db, undefined)).toBeNull();
    expect(await t.db.setupState.findUnique({ where: { id: 1 } })).toMatchObject({ completedAt: expect.any(Date) });
  });
});
