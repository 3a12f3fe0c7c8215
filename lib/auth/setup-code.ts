/**
 * The one-time administrator setup is guarded by a code only whoever runs Ferry can read: the
 * server log at start (as Jenkins and Grafana do), or FERRY_SETUP_CODE. Setup closes for good
 * the first time an administrator is seen, even if that administrator is later removed.
 */
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { secretsEqual } from "./tokens";

type Client = PrismaClient | Prisma.TransactionClient;

/** Whether setup can still happen; closes it for good once an administrator exists. */
export async function isSetupOpen(db: Client): Promise<boolean> {
  const state = await db.setupState.findUnique({ where: { id: 1 }, select: { completedAt: true } });
  if (state?.completedAt) return false;
  if ((await db.user.count({ where: { isAdmin: true } })) === 0) return true;
  await closeSetup(db);
  return false;
}

/**
 * The code the setup page asks for, made once and kept (every process prints the same one),
 * or null when setup is closed. FERRY_SETUP_CODE, when set, is the code instead.
 */
export async function ensureSetupCode(db: Client, configured = env().FERRY_SETUP_CODE): Promise<{ code: string; configured: boolean } | null> {
  if (!(await isSetupOpen(db))) return null;
  if (configured) return { code: configured, configured: true };
  const fresh = randomBytes(18).toString("base64url");
  const state = await db.setupState.upsert({ where: { id: 1 }, create: { id: 1, code: fresh }, update: {}, select: { code: true } });
  return { code: state.code, configured: false };
}

/** Whether `given` is the setup code, compared in constant time; false when there is none. */
export async function setupCodeMatches(db: Client, given: string, configured = env().FERRY_SETUP_CODE): Promise<boolean> {
  const expected = configured || (await db.setupState.findUnique({ where: { id: 1 }, select: { code: true } }))?.code;
  return Boolean(expected) && secretsEqual(given, expected!);
}

/** Marks setup done; called in the transaction that creates the administrator, and when one is found. */
export async function closeSetup(db: Client): Promise<void> {
  const now = new Date();
  await db.setupState.upsert({ where: { id: 1 }, create: { id: 1, code: "closed", completedAt: now }, update: { completedAt: now } });
}
