FROM node:22-bookworm-slim AS base
USER node
FROM base AS runtime
WORKDIR /app
CMD ["node", "server.js"]
