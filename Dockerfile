# One image for every TypeScript service of nymts (chain, deploy, mix nodes, gateways, clients):
# the whole workspace with its dependencies, run from source as on a development machine.
# Entry: `nymts …`; docker-compose.yml gives each service its command. See docker/README.md.

# Native modules (better-sqlite3, secp256k1, @swc/core) are installed with the tools to build them
# from source in case no prebuilt binary fits the platform; the runtime stage does without them.
FROM node:20-bookworm-slim AS install
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# The npm of the development machines: it honours package.json's `allowScripts`.
RUN npm install -g npm@11.19.1
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=install /app /app
# State lives in volumes mounted under /data; the image runs as the unprivileged `node` user.
RUN mkdir -p /data /deployments /topology && chown node:node /data /deployments /topology
USER node
# `nymts` itself, not `npx nymts`: npx does not pass SIGTERM on to the command it starts, so
# `docker stop` would leave every service to be killed instead of stopping cleanly.
ENV PATH=/app/node_modules/.bin:$PATH
# ts-run keeps transpiled sources in a cache; /app belongs to root, so the cache goes where the
# `node` user may write (kept across restarts of a container).
ENV NYMTS_TS_RUN_CACHE=/home/node/.cache/nymts-ts-run
ENTRYPOINT ["nymts"]
CMD ["--help"]
