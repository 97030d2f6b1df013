FROM alpine:3.20
# want: HOIST-DF-020
WORKDIR app
