FROM python:3.13-slim
# want: HOIST-DF-031
RUN pip install --no-cache-dir -r requirements.txt
FROM node:22-bookworm-slim
# want: HOIST-DF-031
RUN npm ci
FROM golang:1.24
# want: HOIST-DF-031
RUN --mount=type=cache,target=/root/.cache/go-build go mod download && cargo fetch
