# syntax=docker/dockerfile:1
# Mnemo's production image. Stages:
#   deps     npm dependencies as the lock pins them (dev ones too: the build needs them)
#   build    prisma generate + next build (output: "standalone": the server and only the files it uses)
#   migrate  the one-shot migration runner, compose's `migrate` service: the same runner as
#            `npm run db:migrate` (Prisma's WebAssembly schema engine, no native binary, no network);
#            also carries scripts/admin.ts (`docker compose run --rm migrate … admin.ts grant <email>`)
#            and scripts/run-memory-worker.ts (compose's optional `worker` service, `npm run worker`)
#   app      the default target: the traced standalone server on a slim base, as the non-root `node` user
# tests/deploy/ runs the migrate and app stages' commands, and lays out the app stage's files
# from its COPY lines, against a real PostgreSQL and Redis on every `npm test`.
# Node 22 LTS (Node 20 reached end of life in April 2026). tests/deploy runs the app and the
# migrations with this same major version (scripts/setup/ensure-deploy-tools.sh fetches it).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
COPY scripts/install-deps.sh scripts/check-lock.mjs ./scripts/
RUN bash scripts/install-deps.sh && npm cache clean --force

FROM deps AS build
COPY . .
RUN ./node_modules/.bin/prisma generate && ./node_modules/.bin/next build

FROM deps AS migrate
ENV NODE_ENV=production
COPY package.json tsconfig.json ./
COPY prisma ./prisma
COPY lib ./lib
COPY --from=build /app/lib/generated ./lib/generated
COPY scripts/migrate.ts scripts/admin.ts scripts/reembed-memories.ts scripts/scrub-stored-content.ts scripts/run-memory-worker.ts ./scripts/
USER node
CMD ["node", "--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"]

FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data \
    NEXT_MANUAL_SIG_HANDLE=true \
    NO_COLOR=1
# NEXT_MANUAL_SIG_HANDLE: on `docker stop` the app drains in-flight memory writes (bounded at 5 s,
# inside Docker's 10 s grace period) instead of Next exiting at once; unfinished ones stay queued.
# NO_COLOR: logs are JSON lines; no library may add terminal colours to them.
# The code stays root-owned and read-only to the app; only its cache and data dirs are writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/scripts/healthcheck.mjs ./healthcheck.mjs
COPY --from=build /app/scripts/trust-proxy.mjs ./trust-proxy.mjs
RUN mkdir -p .next/cache .data && chown node:node .next/cache .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["node", "healthcheck.mjs"]
# trust-proxy.mjs: X-Forwarded-For becomes the real client address (the peer, or what a
# TRUSTED_PROXIES proxy forwarded) before Next sees the request; see README "Security".
CMD ["node", "--import", "./trust-proxy.mjs", "server.js"]
