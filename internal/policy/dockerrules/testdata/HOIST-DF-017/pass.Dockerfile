FROM node:22-bookworm-slim AS a
WORKDIR /app
COPY package*.json ./
RUN npm ci
RUN npm install -g pnpm@9.15.0
FROM node:22-bookworm-slim AS b
COPY package.json ./
RUN npm install
