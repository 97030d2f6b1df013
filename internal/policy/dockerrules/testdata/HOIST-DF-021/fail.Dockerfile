FROM node:22-bookworm-slim
WORKDIR /app
# want: HOIST-DF-021
RUN cd web && npm run build
