FROM alpine:3.20
# want: HOIST-DF-007
ADD https://example.com/tool.tar.gz /tmp/
