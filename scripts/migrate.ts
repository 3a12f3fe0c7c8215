// `npm run db:deploy` applies pending migrations to DATABASE_URL (the plain runner that
// `npm start` uses too). `npm run db:migrate -- --name x` writes a new migration from schema
// changes with Prisma's schema engine; without DATABASE_URL it works against a throw-away
// embedded database.
import "./load-env";
import { deployMigrations } from "../lib/db/migrator";
import { startEmbeddedPostgres } from "../lib/db/embedded";

const [command = "deploy", ...rest] = process.argv.slice(2);

async function main() {
  if (command === "deploy") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: db:deploy needs the database to migrate.");
    const applied = await deployMigrations(url);
    if (applied.length === 0) console.log("database is up to date");
    return;
  }
  if (command === "dev") {
    const i = rest.indexOf("--name");
    const name = i >= 0 ? rest[i + 1] : undefined;
    if (!name) throw new Error("usage: npm run db:migrate -- --name <migration-name>");
    // Loaded only here: the engine patches pg for the whole process.
    const { createMigration } = await import("../lib/db/dev/schema-engine");
    const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
    try {
      const created = await createMigration(process.env.DATABASE_URL ?? embedded!.url, name);
      console.log(created ? `created prisma/migrations/${created}` : "schema unchanged: no migration created");
    } finally {
      await embedded?.stop();
    }
    return;
  }
  throw new Error("usage: migrate.ts deploy | dev --name <name>");
}

main().then(
  () => process.exit(0), // idle pg pools would otherwise keep node alive for seconds
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
