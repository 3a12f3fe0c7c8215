/**
 * Password accounts, stored the way better-auth reads them (an Account with providerId
 * "credential" and a hash from better-auth's own hasher), so Ferry can create users (setup,
 * seeds, managers) without opening self sign-up.
 */
import { hashPassword } from "better-auth/crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Tx = PrismaClient | Prisma.TransactionClient;

export const CREDENTIAL_PROVIDER = "credential";

/** Creates a user with a password account; returns the user's id. */
export async function createPasswordUser(tx: Tx, input: { email: string; name: string; password: string; isAdmin?: boolean }): Promise<string> {
  const password = await hashPassword(input.password);
  const user = await tx.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      emailVerified: true,
      isAdmin: input.isAdmin ?? false,
      accounts: { create: { providerId: CREDENTIAL_PROVIDER, accountId: "pending", password } },
    },
    select: { id: true },
  });
  // better-auth keys credential accounts by the user's id.
  await tx.account.updateMany({ where: { userId: user.id, providerId: CREDENTIAL_PROVIDER }, data: { accountId: user.id } });
  return user.id;
}

/** Sets (or replaces) the password of an existing user. */
export async function setPassword(tx: Tx, userId: string, plain: string): Promise<void> {
  await setPasswordHash(tx, userId, await hashPassword(plain));
}

/**
 * Stores a hash made by better-auth's hasher (`hashPassword` above) as the user's password: for
 * a caller that hashes before its transaction, so the ~100 ms of hashing holds no row lock.
 */
export async function setPasswordHash(tx: Tx, userId: string, password: string): Promise<void> {
  const updated = await tx.account.updateMany({ where: { userId, providerId: CREDENTIAL_PROVIDER }, data: { password } });
  if (updated.count === 0) await tx.account.create({ data: { userId, providerId: CREDENTIAL_PROVIDER, accountId: userId, password } });
}
