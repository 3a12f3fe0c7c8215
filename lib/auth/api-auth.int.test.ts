import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { generateToken, hashToken, tokenPrefix } from "./tokens";

// The bearer-token lookup cache (ADR 25): per process, so a revocation made in this process
// applies at once, and one made elsewhere (another replica, SQL) within TOKEN_CACHE_TTL_MS.
let t: TestDatabase;
let auth: typeof import("./api-auth");
let revokeApiToken: typeof import("./mutations/revoke-api-token").revokeApiToken;

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  auth = await import("./api-auth");
  ({ revokeApiToken } = await import("./mutations/revoke-api-token"));
});

async function newToken(): Promise<{ token: string; id: string; userId: string }> {
  const user = await t.db.user.create({ data: { email: `${generateToken().slice(-12)}@cache.test`, name: "Cache" } });
  const token = generateToken();
  const row = await t.db.apiToken.create({ data: { userId: user.id, name: "cache", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
  return { token, id: row.id, userId: user.id };
}

const who = async (token: string) => auth.authenticateBearer(`Bearer ${token}`, "req").then((a) => a.name, (e: { code?: string }) => e.code);

describe("bearer token lookups", () => {
  it("bounds the cache's lifetime at 5 s", () => {
    expect(auth.TOKEN_CACHE_TTL_MS).toBeLessThanOrEqual(5_000);
  });

  it("a revocation through this process applies at once", async () => {
    const { token, id, userId } = await newToken();
    expect(await who(token)).toBe("Cache");
    await revokeApiToken({ userId, name: "Cache", isAdmin: false }, { tokenId: id });
    expect(await who(token)).toBe("UNAUTHENTICATED");
  });

  it("a revocation made elsewhere applies within the cache's lifetime, and not a request later than that", async () => {
    const { token, id } = await newToken();
    expect(await who(token)).toBe("Cache");
    // As another replica would: in the database only.
    const revokedAt = Date.now();
    await t.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await who(token)).toBe("Cache"); // served from this process's cache meanwhile
    await new Promise((r) => setTimeout(r, auth.TOKEN_CACHE_TTL_MS - (Date.now() - revokedAt) + 50));
    expect(await who(token)).toBe("UNAUTHENTICATED");
  }, 15_000);

  it("a disabled user's token is refused once the cache forgets it", async () => {
    const { token, userId } = await newToken();
    expect(await who(token)).toBe("Cache");
    await t.db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    auth.forgetCachedTokens();
    expect(await who(token)).toBe("UNAUTHENTICATED");
  });
});
