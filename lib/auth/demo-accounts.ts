/**
 * Demo sign-ins, one per role, so a newcomer can feel each role in a minute. They exist
 * only where the demo seed created the demo users; the sign-in page shows them only then.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CREDENTIAL_PROVIDER, setPassword } from "./credentials";

export const DEMO_ACCOUNTS = [
  { role: "manager", email: "demo-manager@ferry.local", password: "ferry-demo-manager", can: "changes everything in the demo programme" },
  { role: "lead", email: "demo-lead@ferry.local", password: "ferry-demo-lead", can: "ticks items and moves slices of Catalogue & Search and Checkout" },
  { role: "viewer", email: "demo-viewer@ferry.local", password: "ferry-demo-viewer", can: "reads dashboards and reports" },
] as const;

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

/** Gives the demo users their documented passwords (once; existing passwords are kept). */
export async function seedDemoAccounts(db: PrismaClient): Promise<number> {
  let set = 0;
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.findUnique({ where: { email: account.email }, select: { id: true, accounts: { where: { providerId: CREDENTIAL_PROVIDER }, select: { id: true } } } });
    if (!user || user.accounts.length > 0) continue;
    await setPassword(db, user.id, account.password);
    set++;
  }
  return set;
}

/** Whether the demo sign-ins exist here (the demo seed ran and gave them passwords). */
export async function demoAccountsAvailable(db: PrismaClient): Promise<boolean> {
  const count = await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, accounts: { some: { providerId: CREDENTIAL_PROVIDER } } } });
  return count === DEMO_ACCOUNTS.length;
}
