FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json ./
COPY . .
