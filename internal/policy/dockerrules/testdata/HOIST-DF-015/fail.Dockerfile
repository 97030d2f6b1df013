FROM alpine:3.20
# want: HOIST-DF-015
RUN apk update && apk add curl
# want: HOIST-DF-015
RUN apk add --virtual .build-deps gcc
