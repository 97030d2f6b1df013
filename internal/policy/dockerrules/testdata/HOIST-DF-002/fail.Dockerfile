# want: HOIST-DF-002
FROM node:22-bookworm-slim AS build
# want: HOIST-DF-002
FROM registry.example.com:5000/team/app:1.2
COPY --from=build /app /app
