FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
FROM golang:1.24
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go mod download && go build -o /out/app .
