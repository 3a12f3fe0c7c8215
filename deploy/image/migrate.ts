// The image's migration command, for the chart's pre-install/pre-upgrade Job (and anyone
// running the image by hand): `node migrate.mjs` applies pending migrations to DATABASE_URL
// with the same runner `npm start` and `npm run db:deploy` use (lib/db/migrator.ts, ADR 24),
// under its advisory lock, so replicas starting meanwhile wait rather than race. Bundled into
// the image by the Dockerfile; logs one JSON line per message, like the server.
import { deployMigrations, MigrationError } from "../../lib/db/migrator";

const line = (level: "info" | "error", msg: string) => console.log(JSON.stringify({ level, time: new Date().toISOString(), msg }));

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    line("error", "DATABASE_URL is not set: the migration needs the database to migrate.");
    return 1;
  }
  try {
    const applied = await deployMigrations(url, { log: (message) => line("info", message) });
    line("info", applied.length === 0 ? "database is up to date" : `applied ${applied.length} migration(s)`);
    return 0;
  } catch (error) {
    line("error", error instanceof MigrationError ? error.message : `migration failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
