FROM alpine:3.20
# want: HOIST-DF-025
MAINTAINER someone@example.com
