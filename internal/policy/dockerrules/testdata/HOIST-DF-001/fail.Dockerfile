ARG BASE=python
# want: HOIST-DF-001
FROM node AS deps
# want: HOIST-DF-001
FROM alpine:latest AS tools
# want: HOIST-DF-001
FROM ${BASE}
COPY --from=deps /x /x
