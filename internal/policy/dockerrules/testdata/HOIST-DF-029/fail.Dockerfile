FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json ./
# want: HOIST-DF-029
COPY . .
