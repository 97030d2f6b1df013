FROM node:22-bookworm-slim AS base
HEALTHCHECK --interval=30s CMD ["node", "-e", "process.exit(0)"]
FROM base AS runtime
CMD ["node", "server.js"]
