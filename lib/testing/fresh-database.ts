/**
 * Empty databases for tests of migrating itself (lib/testing/db.ts hands out migrated ones).
 * On a server: a scratch database per call, dropped by `dropAll`. Embedded: a fresh in-memory
 * PGlite per call, stopped by `dropAll`.
 */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { adminQuery, withDatabase } from "./global-setup";

export type FreshDatabases = { create: () => Promise<string>; dropAll: () => Promise<void> };

export function freshDatabases(): FreshDatabases {
  const serverUrl = inject("testServerUrl");
  const drops: (() => Promise<void>)[] = [];
  return {
    create: async () => {
      if (!serverUrl) {
        const embedded = await startEmbeddedPostgres();
        drops.push(() => embedded.stop());
        return embedded.url;
      }
      const name = `ferry_m_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
      await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
      drops.push(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return withDatabase(serverUrl, name);
    },
    dropAll: async () => {
      await Promise.allSettled(drops.splice(0).map((drop) => drop()));
    },
  };
}
