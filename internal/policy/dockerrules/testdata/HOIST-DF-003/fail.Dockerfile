FROM node:22-bookworm-slim AS base
USER node
FROM base AS runtime
WORKDIR /app
# want: HOIST-DF-003
USER root
CMD ["node", "server.js"]
