FROM golang:1.24 AS build
HEALTHCHECK CMD ["true"]
# want: HOIST-DF-023
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
