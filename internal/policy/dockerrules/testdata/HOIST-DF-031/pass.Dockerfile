FROM python:3.13-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
FROM node:22-bookworm-slim
ENV npm_config_cache=/cache/js
RUN --mount=type=cache,target=/cache/js npm ci
RUN pnpm install --offline
FROM golang:1.24
RUN --mount=type=cache,target=/go/pkg/mod go mod download
FROM php:8.3
RUN --mount=type=cache,target=/tmp/cc COMPOSER_CACHE_DIR=/tmp/cc composer install
