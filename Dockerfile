# Opora in a container: the native SQLite driver is built in the first stage,
# the second stage runs as a non-root user with the database on a volume.
# Build: docker build -t opora .
# Run:   docker run -d --name opora -v opora-data:/data -e TELEGRAM_BOT_TOKEN=... opora

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled here when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force
COPY bot ./bot
COPY db ./db
COPY handlers ./handlers
COPY locales ./locales
COPY scheduler ./scheduler
COPY tsconfig.json ./

FROM node:20-bookworm-slim
# Fonts for the PNG charts of survey results.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATABASE_PATH=/data/opora.db
WORKDIR /app
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Exec form: node runs as PID 1 and receives SIGTERM itself; Opora then stops
# polling, finishes the updates in flight and closes the database.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "bot/main.ts"]
