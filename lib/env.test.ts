import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env, envSchema, parseEnv, reloadEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults when nothing is set", () => {
    const r = parseEnv({});
    expect(r.ok && r.env.PORT).toBe(3000);
    expect(r.ok && r.env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ FERRY_ADMIN_TOKEN: "short" }, "FERRY_ADMIN_TOKEN"],
    [{ FERRY_SEED_DEMO: "yes" }, "FERRY_SEED_DEMO"],
    [{ BETTER_AUTH_SECRET: "too-short" }, "BETTER_AUTH_SECRET"],
    [{ FERRY_OIDC_ISSUER: "not a url" }, "FERRY_OIDC_ISSUER"],
    [{ FERRY_BASE_URL: "ferry.example.com" }, "FERRY_BASE_URL"],
  ])("names the bad variable in one line: %o", (source, name) => {
    const r = parseEnv(source);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(name);
      expect(r.message).not.toContain("\n");
    }
  });

  it("treats empty values as unset", () => {
    const r = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(r.ok).toBe(true);
  });

  it("accepts a real postgres URL", () => {
    const r = parseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/ferry" });
    expect(r.ok && r.env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/ferry");
  });
});

describe("env", () => {
  it("parses process.env once and keeps it until reloadEnv", () => {
    const saved = process.env.FERRY_DB_POOL;
    try {
      process.env.FERRY_DB_POOL = "7";
      reloadEnv();
      expect(env().FERRY_DB_POOL).toBe(7);
      process.env.FERRY_DB_POOL = "8";
      expect(env().FERRY_DB_POOL).toBe(7);
      reloadEnv();
      expect(env().FERRY_DB_POOL).toBe(8);
      process.env.FERRY_DB_POOL = "many";
      reloadEnv();
      expect(() => env()).toThrow(/^Configuration error: FERRY_DB_POOL /);
    } finally {
      if (saved === undefined) delete process.env.FERRY_DB_POOL;
      else process.env.FERRY_DB_POOL = saved;
      reloadEnv();
    }
  });
});

describe("README's configuration table", () => {
  it("lists exactly the variables the schema reads, in its order", () => {
    const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
    const table = readme.slice(readme.indexOf("| variable | default | meaning |"));
    const rows = table.slice(0, table.search(/\n(?!\|)/)).split("\n").slice(2);
    const listed = rows.flatMap((row) => [...row.split("|")[1].matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(listed).toEqual(Object.keys(envSchema.shape));
  });
});
