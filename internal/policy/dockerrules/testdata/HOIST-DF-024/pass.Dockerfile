FROM golang:1.24 AS build
FROM alpine:3.20
COPY --from=build /out/app /app
COPY --from=0 /out/app /app2
COPY --from=composer:2.8 /usr/bin/composer /usr/bin/composer
COPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/
