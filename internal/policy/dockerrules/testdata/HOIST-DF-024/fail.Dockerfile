FROM golang:1.24 AS build
# want: HOIST-DF-024
COPY --from=buidl /src /src
# want: HOIST-DF-024
COPY --from=build /a /b
FROM alpine:3.20
# want: HOIST-DF-024
COPY --from=3 /out /out
