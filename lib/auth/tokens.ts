/** API token format, hashing and constant-time comparison. Only hashes are ever stored. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "ferry_";

/** A new random token: shown to its owner once, never stored. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The short, harmless part shown in lists so people can tell their tokens apart. */
export const tokenPrefix = (token: string): string => token.slice(0, PREFIX.length + 6);

/**
 * Compares two secrets in time independent of where they differ. Hashing first makes the
 * lengths equal, so the length of the secret does not leak either.
 */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/** The token from an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
