# Opora in a container: the first stage builds the native SQLite driver and
# compiles the TypeScript to dist/ (compiled, the service needs about 80 MB
# less memory than under tsx); the second stage runs it as a non-root user
# with the database on a volume.
# Build: docker build -t opora .
# Run:   docker run -d --name opora -v opora-data:/data -e TELEGRAM_BOT_TOKEN=... opora

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled here when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY db ./db
COPY handlers ./handlers
COPY locales ./locales
COPY scheduler ./scheduler
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && rm -rf bot db handlers locales scheduler

FROM node:20-bookworm-slim
# Fonts for the PNG charts of survey results.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATABASE_PATH=/data/opora.db \
    BACKUP_DIR=/backups \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data", "/backups"]
EXPOSE 8080
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node runs as PID 1 and receives SIGTERM itself; Opora then stops
# polling, finishes the updates in flight and closes the database.
STOPSIGNAL SIGTERM
# The admin command line in the container: docker exec opora node dist/bot/cli.js help
CMD ["node", "--enable-source-maps", "dist/bot/main.js"]
