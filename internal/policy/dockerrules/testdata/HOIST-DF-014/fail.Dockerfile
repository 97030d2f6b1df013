FROM debian:bookworm-slim
# want: HOIST-DF-014
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git
FROM alpine:3.20
# want: HOIST-DF-014
RUN apk add --no-cache ca-certificates
