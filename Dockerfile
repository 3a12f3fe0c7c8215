# syntax=docker/dockerfile:1
# Ferry's image: Next's standalone server (ADR 25) on a Node LTS slim base, run as a non-root
# user, with no environment baked in: everything comes from the orchestrator (deploy/helm/ferry).
#   docker build -t ferry .
#   docker run -e DATABASE_URL=... -e BETTER_AUTH_SECRET=... -e FERRY_BASE_URL=... -p 3000:3000 ferry
#   docker run -e DATABASE_URL=... ferry node migrate.mjs      (the migration, as the chart's Job runs it)
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

# 1. Dependencies, cached while package files do not change. `npm ci` refuses lockfiles made
#    on these machines (other platforms' optional packages), so `npm install` (STACK.md).
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm install --no-audit --no-fund && npm cache clean --force

# 2. The build: the standalone folder with its static files (scripts/lib/build.mjs) and the
#    migration command bundled beside server.js.
FROM deps AS build
WORKDIR /src
COPY . .
RUN NEXT_TELEMETRY_DISABLED=1 node scripts/lib/build.mjs && node deploy/image/assemble.mjs .next/standalone

# 3. What runs: the standalone folder only, owned by root and read-only to the server, which
#    runs as the image's unprivileged `node` user (uid 1000) and writes nothing to disk.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /src/.next/standalone ./
USER 1000:1000
EXPOSE 3000
# Liveness as Kubernetes probes it (the chart's probes replace this there).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "serve.mjs"]
