/**
 * Believable launch, build and migration commands for a service by its stack, so seeded
 * inventories read like a real one. Pure.
 */
import type { ServiceKind } from "@/lib/generated/prisma/enums";

export const APP_STACKS = ["java", "node", "go", "python"] as const;
export type AppStack = (typeof APP_STACKS)[number];
export type InfraStack = "nginx" | "postgres" | "rabbitmq" | "redis" | "elasticsearch";

export type Commands = { launchCommand: string; buildCommand: string | null; migrateCommand: string | null };

/** The commands a service of this stack and kind runs; `hasSchema` when it owns database tables. */
export function commandsFor(stack: AppStack | InfraStack, name: string, opts: { kind: ServiceKind; hasSchema: boolean }): Commands {
  const worker = opts.kind === "worker" || opts.kind === "cron";
  switch (stack) {
    case "java":
      return {
        buildCommand: "./gradlew clean bootJar",
        launchCommand: `java -XX:MaxRAMPercentage=75 -jar build/libs/${name}.jar${worker ? " --spring.profiles.active=worker" : ""}`,
        migrateCommand: opts.hasSchema ? "./gradlew flywayMigrate" : null,
      };
    case "node":
      return { buildCommand: "npm ci && npm run build", launchCommand: worker ? "node dist/worker.js" : "node dist/server.js", migrateCommand: opts.hasSchema ? "npm run db:migrate" : null };
    case "go":
      return { buildCommand: `go build -o bin/${name} ./cmd/${name}`, launchCommand: `bin/${name}${worker ? " work" : " serve"}`, migrateCommand: opts.hasSchema ? `bin/${name} migrate up` : null };
    case "python": {
      const pkg = name.replaceAll("-", "_");
      const launch = opts.kind === "cron" ? `python -m ${pkg}.job` : opts.kind === "worker" ? `celery -A ${pkg}.tasks worker --concurrency 4` : `gunicorn ${pkg}.app:app --workers 4`;
      return { buildCommand: "pip install -r requirements.txt", launchCommand: launch, migrateCommand: opts.hasSchema ? "alembic upgrade head" : null };
    }
    case "nginx":
      return { buildCommand: null, launchCommand: "nginx -g 'daemon off;'", migrateCommand: null };
    case "postgres":
      return { buildCommand: null, launchCommand: "postgres -D /var/lib/postgresql/data", migrateCommand: null };
    case "rabbitmq":
      return { buildCommand: null, launchCommand: "rabbitmq-server", migrateCommand: null };
    case "redis":
      return { buildCommand: null, launchCommand: "redis-server /etc/redis/redis.conf", migrateCommand: null };
    case "elasticsearch":
      return { buildCommand: null, launchCommand: "bin/elasticsearch -d", migrateCommand: null };
  }
}
