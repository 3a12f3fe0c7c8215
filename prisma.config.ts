// The Prisma CLI fetches a native schema engine on every command, which fails offline.
// `prisma generate` needs only WASM, so point the binary at a no-op; migrations run
// through scripts/migrate.ts instead (see docs/adr/0002-migrations-without-native-engine.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
