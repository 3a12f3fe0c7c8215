// `npm run db:seed [-- --large] [-- --if-empty]` seeds DATABASE_URL with the demo programme,
// or the large benchmark programme. --if-empty seeds only a database with no programme at all.
import "./load-env";
import { createDb } from "../lib/db";
import { seedDemoProgramme, seedLargeProgramme } from "../lib/seed";
import { seedDemoAccounts } from "../lib/auth/demo-accounts";

const args = process.argv.slice(2);
const known = new Set(["--large", "--if-empty"]);

async function main() {
  const unknown = args.filter((a) => !known.has(a));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(" ")}; usage: tsx scripts/seed.ts [--large] [--if-empty]`);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: db:seed needs the database to fill.");
  const db = createDb(url, { max: 4 });
  try {
    if (args.includes("--if-empty")) {
      const programmes = await db.programme.count();
      if (programmes > 0) {
        console.log(`database already holds ${programmes} programme(s): nothing seeded`);
        return;
      }
    }
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    if (args.includes("--large")) {
      const s = await seedLargeProgramme(db);
      console.log(`seeded "${s.slug}": ${s.services} services, ${s.dependencies} dependencies, ${s.slices} slices, ${s.waves} waves, ${s.checklistItems} checklist items, ${s.events} events, ${s.teams} teams in ${seconds()} s`);
    } else {
      const s = await seedDemoProgramme(db);
      await seedDemoAccounts(db);
      console.log(`seeded "${s.slug}": ${s.services} services, ${s.teams} teams, ${s.slices} slices, ${s.waves} waves, ${s.events} events in ${seconds()} s`);
    }
  } finally {
    await db.$disconnect();
  }
}

/** One line: Prisma's invocation errors quote the calling code and end with the cause. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return message.includes("invocation in") ? lines[lines.length - 1] : lines.join(" ");
}

main().then(
  () => process.exit(0), // idle pg pools would otherwise keep node alive for seconds
  (error) => {
    console.error(`seed failed: ${oneLine(error)}`);
    process.exit(1);
  },
);
