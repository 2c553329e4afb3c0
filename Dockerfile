# One image for every service. Build with the app as an argument:
#   docker build --build-arg APP=gateway -t mediation/gateway .
# or let docker compose build them all (the build stage is shared, so it runs once).
# The same image also runs the migrations (node tools/db/migrate.cjs) and the development mail
# catcher (node tools/mailcatcher/mailcatcher.cjs).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, Prisma clients, SWC build to dist/, then production dependencies only
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Prisma's CLI looks for libssl when it generates; slim images do not have it.
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`, as in .ci/run: the lock cannot list @swc/core's optional platform
# builds (the registry it was made against lacks them), so `npm ci` refuses it. `npm install`
# still honours the lock for everything it lists.
RUN npm install --no-audit --no-fund
COPY . .
RUN node tools/db/generate.cjs && node tools/build/build.mjs
# Production dependencies only for the runtime, and what the migrator reads: each service's Prisma
# schema (for its PostgreSQL schema name) and its committed migrations.
RUN npm prune --omit=dev --no-audit --no-fund \
  && mkdir -p /out \
  && cp -r --parents apps/*/prisma /out/

# ---- runtime: dist/, production node_modules, the migrator and the mail catcher
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    APP=${APP} \
    MALLOC_MMAP_THRESHOLD_=131072 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/tools/db ./tools/db
COPY --from=build /app/tools/mailcatcher ./tools/mailcatcher
COPY --from=build /out/apps ./apps
# The evidence service burns redactions into page images with poppler's pdftoppm, and keeps files in
# .data/evidence (a volume in docker-compose.yml) unless it uses an object store.
RUN if [ "$APP" = "evidence" ] || [ "$APP" = "host" ]; then apt-get update && apt-get install -y --no-install-recommends poppler-utils && rm -rf /var/lib/apt/lists/*; fi \
  && mkdir -p /app/.data/evidence && chown node:node /app/.data/evidence
USER node
# Each service listens on its own default port (gateway 3000, intake 3001 ... notify 3007, webhooks 3008, console 3009) unless PORT is set,
# and serves /metrics on METRICS_PORT (default PORT + 6400: 9400-9409), for the scraper only.
# APP=host runs the services SERVICES names in one process (e.g. SERVICES=casework,scheduling,notify), each on
# <SERVICE>_PORT (default its own) and <SERVICE>_METRICS_PORT: see the README, "Running services together".
EXPOSE 3000-3009 9400-9409
CMD ["sh", "-c", "if [ -z \"$APP\" ]; then echo 'set APP (gateway, intake, casework, scheduling, evidence, billing, reporting, notify, webhooks, console, or host with SERVICES)' >&2; exit 64; fi; if [ \"$APP\" = host ]; then SEMI=16; else SEMI=2; fi; exec node --liftoff-only --max-semi-space-size=$SEMI \"dist/apps/$APP/src/main.js\""]
