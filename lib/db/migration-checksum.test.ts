import { describe, expect, it } from "vitest";
import { checksumMatches, migrationChecksum } from "./migration-checksum";

// The cases are Prisma's own (schema-connector/src/checksum.rs tests).
describe("migration checksums", () => {
  it("is the zero-padded SHA-256 hex of the script", () => {
    expect(migrationChecksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(migrationChecksum("abcd")).toHaveLength(64);
  });

  it("matches whatever the line endings became", () => {
    for (const pair of [
      ["ab\ncd\nef\ngh\rab", "ab\r\ncd\r\nef\r\ngh\rab"],
      ["ab\ncd\nef\ngh\rab\n", "ab\r\ncd\r\nef\r\ngh\rab\r\n"],
    ]) {
      for (const script of pair) for (const other of pair) expect(checksumMatches(script, migrationChecksum(other))).toBe(true);
    }
  });

  it("refuses a different script", () => {
    expect(checksumMatches("abc", migrationChecksum("abcd"))).toBe(false);
    expect(checksumMatches("abc\n", migrationChecksum("abc"))).toBe(false);
    expect(checksumMatches("abc", "")).toBe(false);
  });

  it("accepts the unpadded checksums old Prisma versions wrote", () => {
    // sha256("hello") has two bytes below 0x10 (0e, 04): unpadded, each is one digit.
    const unpadded = "2cf24dba5fb0a3e26e83b2ac5b9e29e1b161e5c1fa7425e7343362938b9824";
    expect(checksumMatches("hello", unpadded)).toBe(true);
    expect(checksumMatches("hell", unpadded)).toBe(false);
  });
});
