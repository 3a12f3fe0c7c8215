/**
 * The checksum Prisma records for a migration script in `_prisma_migrations`, computed the
 * way Prisma's schema engine does (schema-connector's checksum.rs), so that rows written here
 * and rows written by the Prisma CLI can be checked against each other.
 */
import { createHash } from "node:crypto";

const digest = (script: string) => createHash("sha256").update(script, "utf8").digest();

/** SHA-256 of the script's UTF-8 text, as 64 lowercase hex digits: what Prisma writes. */
export function migrationChecksum(script: string): string {
  return digest(script).toString("hex");
}

/**
 * Whether a recorded checksum belongs to this script, with Prisma's tolerances: the script
 * may have had its line endings converted (git does that on Windows checkouts), and old
 * Prisma versions wrote checksums without zero-padding each byte.
 */
export function checksumMatches(script: string, recorded: string): boolean {
  const unpadded = recorded.length > 0 && recorded.length !== 64;
  const render = (s: string) => (unpadded ? Array.from(digest(s), (b) => b.toString(16)).join("") : migrationChecksum(s));
  return [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")].some((s) => render(s) === recorded);
}
