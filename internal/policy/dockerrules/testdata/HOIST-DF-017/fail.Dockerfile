FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# want: HOIST-DF-017
RUN npm install
