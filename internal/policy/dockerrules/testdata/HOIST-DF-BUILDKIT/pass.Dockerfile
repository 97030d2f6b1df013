FROM alpine:3.20
WORKDIR app
CMD echo hi
