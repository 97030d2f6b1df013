FROM node:22-bookworm-slim
WORKDIR /app/web
RUN npm run build
RUN npm --prefix /app/api run build
